// SPDX-License-Identifier: GPL-3.0-or-later
#include "capabilitybadges.h"

#include <QHBoxLayout>
#include <QLabel>

namespace versus::ui {

namespace {
constexpr std::array kCapabilities{Capability::Streaming,    Capability::FunctionCalls,    Capability::Reasoning,
                                   Capability::BuiltinTools, Capability::StructuredOutput, Capability::Vision};

QString capitalized(QString text)
{
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}
} // namespace

CapabilityBadges::CapabilityBadges(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(3);
    for (Capability capability : kCapabilities) {
        auto *label = new QLabel(QString(letter(capability)), this);
        label->setObjectName(QStringLiteral("badge_") + capabilityName(capability));
        label->setAlignment(Qt::AlignCenter);
        label->setMinimumWidth(label->fontMetrics().horizontalAdvance(u'W') + 4);
        layout->addWidget(label);
        m_badges.append(label);
    }
    setCapabilities({}, false);
}

QChar CapabilityBadges::letter(Capability capability)
{
    switch (capability) {
    case Capability::Streaming:
        return u'S';
    case Capability::FunctionCalls:
        return u'F';
    case Capability::Reasoning:
        return u'R';
    case Capability::BuiltinTools:
        return u'B';
    case Capability::StructuredOutput:
        return u'J';
    case Capability::Vision:
        return u'V';
    }
    return u'?';
}

QLabel *CapabilityBadges::badge(Capability capability) const
{
    for (qsizetype i = 0; i < qsizetype(kCapabilities.size()); ++i) {
        if (kCapabilities[size_t(i)] == capability)
            return m_badges.value(i);
    }
    return nullptr;
}

void CapabilityBadges::setCapabilities(const Capabilities &capabilities, bool modelKnown)
{
    for (qsizetype i = 0; i < qsizetype(kCapabilities.size()); ++i) {
        const Capability capability = kCapabilities[size_t(i)];
        QLabel *label = m_badges.at(i);
        const std::optional<bool> value = capabilityValue(capabilities, capability);
        const QString name = capitalized(capabilityDisplayName(capability));
        QString style = QStringLiteral("QLabel { border-radius: 3px; padding: 0px 2px; font-size: 7pt; "
                                       "font-weight: bold; border: 1px %1 palette(%2); color: palette(%2); %3 }");
        if (value.value_or(false)) {
            label->setText(QString(letter(capability)));
            label->setStyleSheet(style.arg(QStringLiteral("solid"), QStringLiteral("text"), QString()));
            label->setToolTip(tr("%1: supported").arg(name));
        } else if (value.has_value()) {
            label->setText(QString(letter(capability)));
            label->setStyleSheet(style.arg(QStringLiteral("solid"), QStringLiteral("mid"),
                                           QStringLiteral("text-decoration: line-through;")));
            label->setToolTip(tr("%1: not supported").arg(name));
        } else {
            label->setText(QString(letter(capability)) + u'?');
            label->setStyleSheet(style.arg(QStringLiteral("dashed"), QStringLiteral("mid"), QString()));
            label->setToolTip(modelKnown ? tr("%1: unknown").arg(name)
                                         : tr("%1: unknown (the catalog does not know this model)").arg(name));
        }
    }
}

} // namespace versus::ui
