// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compare/comparison.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QSpinBox;

namespace versus::ui {

/// A lane's function calling and structured output ("laneToolsDialog"): the tools as a tools
/// file (OpenAI-style definitions with Versus' "result" member; load, save, add a built-in),
/// the tool choice, parallel calls, the comparison's round limit, the tools the provider runs
/// itself (where the model offers them) and a response schema. Every box is checked as it
/// is typed; OK applies to the lane (refused while it is busy) and is disabled while
/// anything is wrong. Widgets: toolsEdit, toolsProblem, addCalculator, addCurrentTime,
/// loadTools, saveTools, toolChoice, parallelCalls, maxRounds, serverTool_<name>,
/// schemaEdit, schemaProblem, mcpServer_<name> (use that MCP server's tools in this lane),
/// mcpAllLanes (the same servers for every lane of the comparison).
class LaneToolsDialog : public QDialog {
    Q_OBJECT
public:
    /// @p mcp: the MCP servers whose tools a lane may use (null: none).
    LaneToolsDialog(const ProviderRegistry &registry, Comparison *comparison, ComparisonLane *lane,
                    const QStringList &mcpServers, QWidget *parent = nullptr);

    /// Applies what the boxes say to the lane; false (with the reason shown) when they do not read.
    bool apply();

private:
    void validate();
    void addBuiltin(const QString &builtin);
    void loadFile();
    void saveFile();
    void fillToolChoice(const QStringList &names);

    QPointer<Comparison> m_comparison;
    QPointer<ComparisonLane> m_lane;
    QPlainTextEdit *m_tools;
    QLabel *m_toolsProblem;
    QComboBox *m_toolChoice;
    QComboBox *m_parallel;
    QSpinBox *m_maxRounds;
    QList<QCheckBox *> m_serverTools;
    QList<QCheckBox *> m_mcpServers;
    QCheckBox *m_mcpAllLanes = nullptr;
    QPlainTextEdit *m_schema;
    QLabel *m_schemaProblem;
    QDialogButtonBox *m_buttons;
    std::optional<tools::ToolSet> m_parsedTools;
    QJsonObject m_parsedSchema;
};

} // namespace versus::ui
