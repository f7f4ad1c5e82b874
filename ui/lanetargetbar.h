// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "providers/providerregistry.h"

#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QMenu;
class QToolButton;

namespace versus::ui {

class CapabilityBadges;
class ModelPicker;

/// The header of a lane: what it asks (a provider, and a model from the provider's list or any
/// id typed in; see ModelPicker), the model's capability badges, "Parameters" and "Tools", the
/// lane menu ("⋯": send to this lane only, focus the lane, …) and the button that closes the
/// lane; under them, the parameters that differ from the defaults ("parameterChips").
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
    QComboBox *modelBox() const;
    ModelPicker *modelPicker() const { return m_modelBox; }
    CapabilityBadges *badges() const { return m_badges; }
    /// "Tools" (with the count of tools and a schema mark when set): opens the lane's tools.
    QToolButton *toolsButton() const { return m_toolsButton; }
    void setToolsSummary(int toolCount, bool schema, int serverTools);
    /// "Parameters": opens the lane's parameters (LaneParametersPopover).
    QToolButton *parametersButton() const { return m_parametersButton; }
    /// The parameters that differ from the defaults, e.g. "T 0.2 · max 512"; hidden when empty.
    void setParameterChips(const QString &chips, const QString &toolTip);
    QLabel *parameterChips() const { return m_chips; }
    /// "⋯": the lane menu; its actions are named "sendHereAction", "focusLaneAction",
    /// "parametersAction", "toolsAction" and "closeLaneAction".
    QToolButton *menuButton() const { return m_menuButton; }
    QMenu *laneMenu() const { return m_menu; }
    /// Whether the lane fills the strip alone (the menu then offers "Show all lanes").
    void setFocused(bool focused);

Q_SIGNALS:
    /// The user picked another provider (@p providerChanged; the first of its models is
    /// picked with it) or another model.
    void targetEdited(bool providerChanged);
    void closeRequested();
    void toolsRequested();
    void parametersRequested();
    /// "Send to this lane only": the composer's prompt goes to this lane alone.
    void sendHereRequested();
    /// "Focus lane" / "Show all lanes".
    void focusToggleRequested();

private:
    void onProviderPicked();
    void onModelEdited();
    void fillModels();
    void updateBadges();

    const ProviderRegistry &m_registry;
    QComboBox *m_providerBox;
    ModelPicker *m_modelBox;
    CapabilityBadges *m_badges;
    QToolButton *m_parametersButton;
    QToolButton *m_toolsButton;
    QToolButton *m_menuButton;
    QToolButton *m_closeButton;
    QLabel *m_chips;
    QMenu *m_menu;
    QAction *m_sendHere;
    QAction *m_focus;
};

} // namespace versus::ui
