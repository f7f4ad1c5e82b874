// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "providers/providerregistry.h"

#include <QWidget>

class QComboBox;
class QToolButton;

namespace versus::ui {

class CapabilityBadges;

/// The header row of a lane: what it asks (a provider, and a model the catalog knows or any
/// id typed in), the model's capability badges, and the button that closes the lane.
/// setTarget() shows a target without a signal; targetEdited() is emitted when the user
/// picks or types another one.
class LaneTargetBar : public QWidget {
    Q_OBJECT
public:
    /// @p registry must outlive the bar.
    explicit LaneTargetBar(const ProviderRegistry &registry, QWidget *parent = nullptr);

    /// What the boxes show (the model id trimmed).
    Target target() const;
    /// The provider picked; null when the registry has none.
    const Provider *provider() const;
    /// Shows @p target (the first provider when the registry does not know it).
    void setTarget(const Target &target);
    /// Whether the user can pick another provider or model (not while the lane is busy).
    void setTargetEditable(bool editable);
    void setClosable(bool closable);

    QComboBox *providerBox() const { return m_providerBox; }
    QComboBox *modelBox() const { return m_modelBox; }
    CapabilityBadges *badges() const { return m_badges; }
    /// "Tools" (with the count of tools and a schema mark when set): opens the lane's tools.
    QToolButton *toolsButton() const { return m_toolsButton; }
    void setToolsSummary(int toolCount, bool schema, int serverTools);

Q_SIGNALS:
    /// The user picked another provider (@p providerChanged; the first of its models is
    /// picked with it) or another model.
    void targetEdited(bool providerChanged);
    void closeRequested();
    void toolsRequested();

private:
    void onProviderPicked();
    void onModelEdited();
    void fillModels();
    void updateBadges();

    const ProviderRegistry &m_registry;
    QComboBox *m_providerBox;
    QComboBox *m_modelBox;
    CapabilityBadges *m_badges;
    QToolButton *m_toolsButton;
    QToolButton *m_closeButton;
};

} // namespace versus::ui
