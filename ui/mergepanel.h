// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "appservices.h"
#include "compare/comparison.h"

#include <QFrame>
#include <QPointer>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace versus::ui {

class ConversationView;
class LaneCard;
class LaneTargetBar;
class MetricsFooter;

/// Comparison → Merge answers…: a lane-like panel beside the lanes. The user picks the model
/// that merges (provider and model, as in a lane's header), edits the instruction (prefilled with
/// the default) and presses Merge: the answers to the last turn go to that model by letter
/// (Comparison::merge()), and the merged answer streams in the panel's view, rendered as the
/// lanes render theirs, with its figures and cost under it. Stop stops it; an error shows in a
/// card, in the provider's words. Shows the last merge of the last turn of a conversation
/// opened from the history. Closable ("×").
class MergePanel : public QFrame {
    Q_OBJECT
public:
    MergePanel(const AppServices &services, Comparison *comparison, QWidget *parent = nullptr);

    LaneTargetBar *targetBar() const { return m_targetBar; }
    QPlainTextEdit *instructionEdit() const { return m_instruction; }
    QPushButton *mergeButton() const { return m_mergeButton; }
    QPushButton *stopButton() const { return m_stopButton; }
    ConversationView *view() const { return m_view; }
    LaneCard *card() const { return m_card; }
    MetricsFooter *footer() const { return m_footer; }
    /// The merge shown now; null before the first one.
    MergeRun *shownMerge() const { return m_merge; }

public Q_SLOTS:
    /// Merges the answers to the last turn with the model and instruction shown.
    void merge();
    void stop();
    /// Shows the last merge of the last turn (none: an empty view).
    void showLatest();

Q_SIGNALS:
    void closeRequested();

private:
    void showMerge(MergeRun *merge);
    void onMergeFinished();
    void updateEnabled();

    AppServices m_services;
    QPointer<Comparison> m_comparison;
    QPointer<MergeRun> m_merge;
    LaneTargetBar *m_targetBar;
    QLabel *m_turnLabel;
    QPlainTextEdit *m_instruction;
    QPushButton *m_mergeButton;
    QPushButton *m_stopButton;
    ConversationView *m_view;
    LaneCard *m_card;
    MetricsFooter *m_footer;
};

} // namespace versus::ui
