// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bench/benchspec.h"

#include <QWidget>

#include <expected>
#include <functional>

class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QToolButton;

namespace versus {
class Engine;
}

namespace versus::ui {

class ModelListSource;
class ModelPicker;

/// What a benchmark runs, as the Bench view's left column asks it: the targets (a provider and
/// a model added to a list, a saved model set, or the window's lanes), the prompts (a built-in
/// set, a prompt file, or prompts typed one per line), runs, concurrency, warm-up and the
/// maximum number of answer tokens.
class BenchSetup : public QWidget {
    Q_OBJECT
public:
    /// @p engine (its registry and prices) and @p models (may be null: the catalog's models)
    /// must outlive the widget.
    BenchSetup(Engine &engine, ModelListSource *models, QWidget *parent = nullptr);

    /// Replaces the targets.
    void setTargets(const QList<Target> &targets);
    QList<Target> targets() const;
    /// Adds @p target unless it is listed already.
    void addTarget(const Target &target);
    /// The targets of the window's lanes ("Window's lanes" puts them back).
    void setLaneTargets(std::function<QList<Target>()> lanes) { m_laneTargets = std::move(lanes); }

    /// Picks the built-in prompt set @p name; false when there is none of that name.
    bool selectPromptSet(const QString &name);
    /// Prompts typed by the user, one per line.
    void setTypedPrompts(const QStringList &prompts);
    /// Reads a prompt file; the error (naming the file) is shown and returned.
    std::expected<void, QString> loadPromptFile(const QString &path);

    QSpinBox *runsBox() const { return m_runs; }
    QSpinBox *concurrencyBox() const { return m_concurrency; }
    QSpinBox *warmupBox() const { return m_warmup; }
    QSpinBox *maxTokensBox() const { return m_maxTokens; }
    QListWidget *targetList() const { return m_targetList; }
    QComboBox *promptSourceBox() const { return m_promptSource; }

    /// What to run, or what is missing, in words.
    std::expected<bench::BenchSpec, QString> spec() const;
    /// Nothing can be changed while a benchmark runs.
    void setEditable(bool editable);

    /// A seam for tests: the prompt file to read (empty: none); a file dialog unless replaced.
    void setAskPromptFile(std::function<QString()> ask) { m_askPromptFile = std::move(ask); }

Q_SIGNALS:
    void changed();

private:
    void fillModelSetsMenu();
    void onPromptSourcePicked();
    void showPrompts();
    void updateButtons();

    Engine &m_engine;
    QComboBox *m_provider;
    ModelPicker *m_model;
    QPushButton *m_add;
    QPushButton *m_remove;
    QToolButton *m_modelSets;
    QPushButton *m_lanes;
    QListWidget *m_targetList;
    QComboBox *m_promptSource;
    QPlainTextEdit *m_prompts;
    QLabel *m_promptProblem;
    QSpinBox *m_runs;
    QSpinBox *m_concurrency;
    QSpinBox *m_warmup;
    QSpinBox *m_maxTokens;
    std::optional<bench::PromptSet> m_filePrompts;
    int m_lastPromptSource = 0;
    std::function<QList<Target>()> m_laneTargets;
    std::function<QString()> m_askPromptFile;
};

} // namespace versus::ui
