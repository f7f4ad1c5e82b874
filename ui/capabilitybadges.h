// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "providers/providerinfo.h"

#include <QWidget>

class QLabel;

namespace versus::ui {

/// A row of one-letter badges for what a model can do: S streaming, F function calls,
/// R reasoning, B built-in tools, J structured output (JSON schema). A badge is plain when
/// supported, struck out when not, and dashed with a "?" when unknown (a model the catalog
/// does not know). Each has a tooltip in words. Badges are named "badge_<capability>".
class CapabilityBadges : public QWidget {
    Q_OBJECT
public:
    explicit CapabilityBadges(QWidget *parent = nullptr);

    /// @p modelKnown: the catalog has an entry for the model (else unknowns are explained so).
    void setCapabilities(const Capabilities &capabilities, bool modelKnown);
    QLabel *badge(Capability capability) const;

    static QChar letter(Capability capability);

private:
    QList<QLabel *> m_badges;
};

} // namespace versus::ui
