// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compare/comparison.h"
#include "compare/worddiff.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QLabel;
class QTextBrowser;

namespace versus::ui {

/// Two lanes' answers to one turn, word by word (objectName "diffDialog"): the left answer with
/// the words the right one does not have struck and tinted red, the right one with the words
/// the left does not have tinted green (tints follow the palette), and how many words changed.
/// The lanes ("leftLane", "rightLane") are named as the comparison names them (blind mode
/// included); the turn ("turn") is any turn of the comparison. It follows the comparison: a
/// lane or turn that comes or goes, or an answer that ends, is shown again.
class DiffDialog : public QDialog {
    Q_OBJECT
public:
    explicit DiffDialog(Comparison *comparison, QWidget *parent = nullptr);

    /// Compares @p left with @p right (null: keep the current one) on the turn with @p turnKey
    /// (0: the last turn).
    void compare(ComparisonLane *left, ComparisonLane *right, qint64 turnKey = 0);

    ComparisonLane *leftLane() const;
    ComparisonLane *rightLane() const;
    qint64 turnKey() const;
    const WordDiff &diff() const { return m_diff; }
    QTextBrowser *leftView() const { return m_leftView; }
    QTextBrowser *rightView() const { return m_rightView; }
    QLabel *summary() const { return m_summary; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void fillLanes();
    void fillTurns();
    void showDiff();
    QString answerOf(const ComparisonLane *lane, const ComparisonTurn &turn) const;

    QPointer<Comparison> m_comparison;
    QComboBox *m_left;
    QComboBox *m_right;
    QComboBox *m_turn;
    QTextBrowser *m_leftView;
    QTextBrowser *m_rightView;
    QLabel *m_summary;
    WordDiff m_diff;
    bool m_filling = false;
};

} // namespace versus::ui
