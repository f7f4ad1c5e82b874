// SPDX-License-Identifier: GPL-3.0-or-later
// LaneWidget: the cards and notes it shows (no key, an answer's error, images skipped, tools).
#include "lanecard.h"
#include "lanewidget.h"
#include "secrets/keyresolver.h"
#include "tools/jsonschema.h"
#include "tooltracerender.h"
#include "wording/erroradvice.h"

#include <QLabel>

namespace versus::ui {

void LaneWidget::showToolSummary(const LaneResult &result)
{
    QStringList parts;
    QStringList tips;
    if (!result.toolRounds.isEmpty())
        parts << tr("Tools: %1").arg(toolTraceSummary(result.toolRounds, result.toolRoundLimitReached));
    if (result.structuredOutput) {
        const tools::StructuredOutputCheck &check = *result.structuredOutput;
        parts << (check.valid ? tr("Structured output: ✓ valid") : tr("Structured output: ✗ invalid"));
        if (!check.jsonError.isEmpty())
            tips << check.jsonError;
        for (const tools::SchemaError &error : check.errors)
            tips << tools::formatSchemaError(error);
    }
    m_toolSummary->setText(parts.join(QStringLiteral("   ")));
    m_toolSummary->setToolTip(tips.join(u'\n'));
    const bool invalid = result.structuredOutput && !result.structuredOutput->valid;
    m_toolSummary->setProperty("invalid", invalid);
    QPalette palette = m_toolSummary->parentWidget()->palette();
    if (invalid) {
        const bool dark = palette.color(QPalette::Window).lightnessF() < 0.5;
        palette.setColor(QPalette::WindowText, dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc6, 0x28, 0x28));
    }
    m_toolSummary->setPalette(palette);
    m_toolSummary->setVisible(!parts.isEmpty());
}

void LaneWidget::showKeyCard(const KeyResult &result)
{
    const Provider *p = provider();
    if (!p)
        return;
    const ProviderInfo &info = p->info();
    m_cardPurpose = CardPurpose::Key;
    if (result.succeeded()) {
        m_card->showCard(LaneCard::Kind::Warning, tr("No key for %1").arg(info.displayName),
                         tr("This lane needs a %1 API key. Add one (it is kept in the system keychain), or set "
                            "%2 before starting Versus.")
                             .arg(info.displayName, info.keyEnvVar),
                         QString(), tr("Add key…"));
    } else {
        m_card->showCard(LaneCard::Kind::Warning, tr("The key for %1 cannot be read").arg(info.displayName),
                         keyStatusMessage(result), QString(), tr("Open Providers && Keys"));
    }
}

void LaneWidget::showAnswerError(const ChatError &error)
{
    const Provider *p = provider();
    m_cardPurpose = CardPurpose::Answer;
    QString title = errorTitle(error.kind);
    if (error.httpStatus > 0)
        title += tr(" (HTTP %1)").arg(error.httpStatus);
    m_shownError = error;
    // While blind mode hides the names, neither the provider's words (which often name the model)
    // nor advice naming the provider is shown: they come with the vote.
    const bool hidden = m_comparison && m_comparison->namesHidden();
    const QString advice = p && !hidden ? errorAdvice(error, p->info(), AdviceFor::App) : QString();
    const QString message = hidden ? tr("The provider's own words are shown once you have voted.") : error.message;
    const bool keyProblem = error.kind == ErrorKind::Auth;
    m_card->showCard(LaneCard::Kind::Error, title, message, advice,
                     keyProblem ? tr("Open Providers && Keys") : QString());
    m_card->setRetryText(tr("Retry"), tr("Send this turn again to this lane: the new answer replaces the failed one"));
}

void LaneWidget::setImageSkipNote(const QString &note)
{
    m_willSkipNote = note;
    showImageNote();
}

void LaneWidget::showImageNote()
{
    // Before sending, what will happen; after, what happened to the turn just sent.
    const QString note = !m_willSkipNote.isEmpty() ? m_willSkipNote : m_skippedNote;
    m_imageNote->setText(note);
    m_imageNote->setVisible(!note.isEmpty());
}

} // namespace versus::ui
