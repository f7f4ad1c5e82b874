// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "providers/provider.h"

#include <QDialog>

#include <expected>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace versus::ui {

/// The parameters of one lane, opened from its header ("Parameters"): temperature, top-p,
/// max tokens, and — where the provider and model take them, per the capability matrix —
/// reasoning effort, service tier and parallel tool calls; and the lane's system prompt. An
/// empty field is the provider's default. Apply checks the values with Provider::validate and
/// shows its words when it refuses them (nothing is applied then); else applied() carries the
/// lane's new parameters and the popover closes.
class LaneParametersPopover : public QDialog {
    Q_OBJECT
public:
    /// @p current: the lane's parameters now (its tools and schema are kept as they are).
    LaneParametersPopover(const Provider &provider, const QString &model, const ProviderConfig &current,
                          QWidget *parent = nullptr);

    QLineEdit *temperatureEdit() const { return m_temperature; }
    QLineEdit *topPEdit() const { return m_topP; }
    QLineEdit *maxTokensEdit() const { return m_maxTokens; }
    QComboBox *effortBox() const { return m_effort; }     ///< null when the model does not reason
    QComboBox *tierBox() const { return m_tier; }         ///< null when the provider has no tiers
    QComboBox *parallelBox() const { return m_parallel; } ///< null when the model calls no functions
    QPlainTextEdit *systemPromptEdit() const { return m_system; }
    QPushButton *applyButton() const { return m_apply; }
    QPushButton *resetButton() const { return m_reset; }
    /// Why Apply was refused ("parameterProblems"); hidden when it was not.
    QLabel *problemsLabel() const { return m_problems; }

    /// Reads the fields and checks them: the parameters, or the problems in words.
    std::expected<ProviderConfig, QStringList> read() const;

Q_SIGNALS:
    void applied(const versus::ProviderConfig &parameters);

private:
    void apply();
    void resetFields();
    void showValues(const ProviderConfig &config);

    const Provider &m_provider;
    QString m_model;
    ProviderConfig m_current;
    QLineEdit *m_temperature;
    QLineEdit *m_topP;
    QLineEdit *m_maxTokens;
    QComboBox *m_effort = nullptr;
    QComboBox *m_tier = nullptr;
    QComboBox *m_parallel = nullptr;
    QPlainTextEdit *m_system;
    QLabel *m_problems;
    QPushButton *m_apply;
    QPushButton *m_reset;
};

/// The parameters of @p config that differ from the provider's defaults, compact, for the lane
/// header: e.g. "T 0.2 · max 512 · effort high · system". Empty when none does.
QString parameterChips(const ProviderConfig &config);
/// The same in words, one parameter a line (the chips' tooltip).
QString parameterChipsToolTip(const ProviderConfig &config);

} // namespace versus::ui
