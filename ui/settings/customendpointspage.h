// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace versus {
class Engine;
}

namespace versus::ui {

/// Settings page "Custom endpoints": the OpenAI-compatible services of the user's
/// providers.json (name, id, base URL, whether a key is needed, models), added, edited and
/// removed in place. Saving validates the entry, writes the file atomically (keeping every
/// other entry and member), reloads the engine's providers and emits providersChanged(), so
/// the lanes can use the endpoint at once. Keys are set in Providers & Keys, never here.
///
/// Child widgets: "endpointList", "endpointName", "endpointId", "endpointUrl",
/// "endpointKeyRequired", "endpointModels", "endpointError", "endpointNew", "endpointSave",
/// "endpointRemove".
class CustomEndpointsPage : public QWidget {
    Q_OBJECT
public:
    /// @p path: the file edited (ProviderRegistry::userCatalogPath() when empty).
    explicit CustomEndpointsPage(Engine &engine, const QString &path = QString(), QWidget *parent = nullptr);

    /// Reads the file again (another program may have changed it).
    void refresh();
    /// Empties the form for a new endpoint.
    void startNew();
    /// Validates and saves the form; false (and the reason shown) when it could not be.
    bool save();
    /// Removes the selected endpoint from the file.
    bool removeSelected();

Q_SIGNALS:
    /// The file was written and the engine's providers reloaded.
    void providersChanged();

private:
    void showSelected();
    void updateDerivedId();
    void showError(const QString &text);

    Engine &m_engine;
    QString m_path;
    QString m_editingId; // the id of the entry in the form; empty for a new one
    bool m_idEdited = false;
    QListWidget *m_list;
    QLineEdit *m_name;
    QLineEdit *m_id;
    QLineEdit *m_url;
    QCheckBox *m_keyRequired;
    QPlainTextEdit *m_models;
    QLabel *m_error;
    QPushButton *m_new;
    QPushButton *m_save;
    QPushButton *m_remove;
};

} // namespace versus::ui
