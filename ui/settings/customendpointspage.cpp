// SPDX-License-Identifier: GPL-3.0-or-later
#include "customendpointspage.h"

#include "engine/engine.h"
#include "providers/customendpoints.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace versus::ui {

namespace {
template<typename W>
W *named(W *widget, const char *name)
{
    widget->setObjectName(QLatin1String(name));
    return widget;
}
} // namespace

CustomEndpointsPage::CustomEndpointsPage(Engine &engine, const QString &path, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_path(path.isEmpty() ? ProviderRegistry::userCatalogPath() : path)
    , m_list(named(new QListWidget(this), "endpointList"))
    , m_name(named(new QLineEdit(this), "endpointName"))
    , m_id(named(new QLineEdit(this), "endpointId"))
    , m_url(named(new QLineEdit(this), "endpointUrl"))
    , m_keyRequired(named(new QCheckBox(tr("The service needs an API key"), this), "endpointKeyRequired"))
    , m_models(named(new QPlainTextEdit(this), "endpointModels"))
    , m_error(named(new QLabel(this), "endpointError"))
    , m_new(named(new QPushButton(tr("New"), this), "endpointNew"))
    , m_save(named(new QPushButton(tr("Save"), this), "endpointSave"))
    , m_remove(named(new QPushButton(tr("Remove"), this), "endpointRemove"))
{
    auto *intro = new QLabel(tr("Any service that speaks the OpenAI chat completions API: a proxy, a gateway, a "
                                "server on your network. Kept in %1; keys go in Providers & Keys.")
                                 .arg(m_path.toHtmlEscaped()),
                             this);
    intro->setWordWrap(true);
    intro->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_name->setPlaceholderText(tr("e.g. Company gateway"));
    m_id->setPlaceholderText(tr("derived from the name"));
    m_id->setToolTip(tr("Used in PROVIDER:MODEL targets and as the key's name in the keychain"));
    m_url->setPlaceholderText(QStringLiteral("https://api.example.com/v1"));
    m_keyRequired->setChecked(true);
    m_models->setPlaceholderText(tr("One model id per line (more can be typed in a lane)"));
    m_models->setTabChangesFocus(true);
    m_error->setWordWrap(true);
    m_error->setForegroundRole(QPalette::PlaceholderText);
    m_error->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Id"), m_id);
    form->addRow(tr("Base URL"), m_url);
    form->addRow(QString(), m_keyRequired);
    form->addRow(tr("Models"), m_models);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_remove);
    buttons->addWidget(m_save);
    auto *right = new QVBoxLayout;
    right->addLayout(form, 1);
    right->addWidget(m_error);
    right->addLayout(buttons);
    auto *left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    left->addWidget(m_new);
    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addLayout(right, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(columns, 1);

    connect(m_list, &QListWidget::currentRowChanged, this, &CustomEndpointsPage::showSelected);
    connect(m_name, &QLineEdit::textEdited, this, &CustomEndpointsPage::updateDerivedId);
    connect(m_id, &QLineEdit::textEdited, this, [this] { m_idEdited = !m_id->text().isEmpty(); });
    connect(m_new, &QPushButton::clicked, this, &CustomEndpointsPage::startNew);
    connect(m_save, &QPushButton::clicked, this, &CustomEndpointsPage::save);
    connect(m_remove, &QPushButton::clicked, this, &CustomEndpointsPage::removeSelected);
    refresh();
}

void CustomEndpointsPage::refresh()
{
    const auto file = CustomEndpointFile::read(m_path);
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    if (!file) {
        showError(file.error());
        m_save->setEnabled(false); // never overwrite a file that did not read
        return;
    }
    m_save->setEnabled(true);
    for (const CustomEndpoint &endpoint : file->endpoints()) {
        auto *item = new QListWidgetItem(endpoint.name, m_list);
        item->setData(Qt::UserRole, endpoint.id);
        item->setToolTip(endpoint.baseUrl.toString());
    }
    int row = -1;
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(Qt::UserRole).toString() == m_editingId)
            row = i;
    }
    if (row >= 0) {
        m_list->setCurrentRow(row);
        showSelected();
    } else {
        startNew();
    }
    // What the registry could not use in the file (written by hand), in its words.
    QStringList problems;
    for (const CatalogProblem &problem : m_engine.catalogProblems()) {
        if (problem.file == m_path)
            problems << problem.toString();
    }
    showError(problems.join(u'\n'));
}

void CustomEndpointsPage::startNew()
{
    {
        const QSignalBlocker blocker(m_list);
        m_list->setCurrentRow(-1);
        m_list->clearSelection();
    }
    m_editingId.clear();
    m_idEdited = false;
    m_name->clear();
    m_id->clear();
    m_url->clear();
    m_keyRequired->setChecked(true);
    m_models->clear();
    m_remove->setEnabled(false);
    m_error->hide();
    m_name->setFocus();
}

void CustomEndpointsPage::showSelected()
{
    QListWidgetItem *item = m_list->currentItem();
    const auto file = CustomEndpointFile::read(m_path);
    if (!item || !file)
        return;
    const QString id = item->data(Qt::UserRole).toString();
    for (const CustomEndpoint &endpoint : file->endpoints()) {
        if (endpoint.id != id)
            continue;
        m_editingId = id;
        m_idEdited = true; // an existing id is not re-derived when the name changes
        m_name->setText(endpoint.name);
        m_id->setText(endpoint.id);
        m_url->setText(endpoint.baseUrl.toString());
        m_keyRequired->setChecked(endpoint.keyRequired);
        m_models->setPlainText(endpoint.models.join(u'\n'));
    }
    m_remove->setEnabled(true);
    m_error->hide();
}

void CustomEndpointsPage::updateDerivedId()
{
    if (!m_idEdited)
        m_id->setText(endpointIdFromName(m_name->text()));
}

void CustomEndpointsPage::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

bool CustomEndpointsPage::save()
{
    auto file = CustomEndpointFile::read(m_path);
    if (!file) {
        showError(file.error());
        return false;
    }
    CustomEndpoint endpoint;
    endpoint.name = m_name->text().trimmed();
    endpoint.id = m_id->text().trimmed();
    endpoint.baseUrl = QUrl(m_url->text().trimmed(), QUrl::StrictMode);
    endpoint.keyRequired = m_keyRequired->isChecked();
    for (const QString &line : m_models->toPlainText().split(u'\n', Qt::SkipEmptyParts)) {
        if (!line.trimmed().isEmpty() && !endpoint.models.contains(line.trimmed()))
            endpoint.models << line.trimmed();
    }
    QStringList taken = file->ids();
    taken.removeAll(m_editingId);
    if (const QString problem = validateEndpoint(endpoint, taken); !problem.isEmpty()) {
        showError(problem);
        return false;
    }
    file->upsert(m_editingId, endpoint);
    if (auto written = file->write(m_path); !written) {
        showError(written.error());
        return false;
    }
    m_editingId = endpoint.id;
    m_engine.reloadProviders();
    refresh();
    Q_EMIT providersChanged();
    return true;
}

bool CustomEndpointsPage::removeSelected()
{
    if (m_editingId.isEmpty())
        return false;
    auto file = CustomEndpointFile::read(m_path);
    if (!file) {
        showError(file.error());
        return false;
    }
    file->remove(m_editingId);
    if (auto written = file->write(m_path); !written) {
        showError(written.error());
        return false;
    }
    m_editingId.clear();
    m_engine.reloadProviders();
    refresh();
    Q_EMIT providersChanged();
    return true;
}

} // namespace versus::ui
