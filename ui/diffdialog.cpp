// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffdialog.h"

#include "theme.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QTextBrowser>
#include <QTextCursor>
#include <QVBoxLayout>

namespace versus::ui {

namespace {

QString shortPrompt(const QString &prompt)
{
    QString line = prompt.simplified();
    if (line.size() > 60)
        line = line.left(59) + u'…';
    return line.isEmpty() ? DiffDialog::tr("(images only)") : line;
}

/// @p text in @p format, but for the whitespace after it, which is no word of the difference.
void insertMarked(QTextCursor &cursor, const QString &text, const QTextCharFormat &format)
{
    qsizetype end = text.size();
    while (end > 0 && text.at(end - 1).isSpace())
        --end;
    cursor.insertText(text.left(end), format);
    if (end < text.size())
        cursor.insertText(text.mid(end), QTextCharFormat());
}

} // namespace

DiffDialog::DiffDialog(Comparison *comparison, QWidget *parent)
    : QDialog(parent)
    , m_comparison(comparison)
    , m_left(new QComboBox(this))
    , m_right(new QComboBox(this))
    , m_turn(new QComboBox(this))
    , m_leftView(new QTextBrowser(this))
    , m_rightView(new QTextBrowser(this))
    , m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("diffDialog"));
    setWindowTitle(tr("Compare answers"));
    m_left->setObjectName(QStringLiteral("leftLane"));
    m_right->setObjectName(QStringLiteral("rightLane"));
    m_turn->setObjectName(QStringLiteral("turn"));
    m_leftView->setObjectName(QStringLiteral("leftText"));
    m_rightView->setObjectName(QStringLiteral("rightText"));
    m_summary->setObjectName(QStringLiteral("changeCount"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    for (QTextBrowser *view : {m_leftView, m_rightView}) {
        view->setOpenLinks(false);
        view->setUndoRedoEnabled(false);
    }

    auto *pick = new QFormLayout;
    pick->addRow(tr("&Turn:"), m_turn);
    auto *grid = new QGridLayout;
    auto *leftLabel = new QLabel(tr("&Left (removed words struck):"), this);
    auto *rightLabel = new QLabel(tr("&Right (added words tinted):"), this);
    leftLabel->setBuddy(m_left);
    rightLabel->setBuddy(m_right);
    grid->addWidget(leftLabel, 0, 0);
    grid->addWidget(rightLabel, 0, 1);
    grid->addWidget(m_left, 1, 0);
    grid->addWidget(m_right, 1, 1);
    grid->addWidget(m_leftView, 2, 0);
    grid->addWidget(m_rightView, 2, 1);
    grid->setRowStretch(2, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *swap = buttons->addButton(tr("&Swap sides"), QDialogButtonBox::ActionRole);
    swap->setObjectName(QStringLiteral("swapSides"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(swap, &QPushButton::clicked, this, [this] { compare(rightLane(), leftLane(), turnKey()); });
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(pick);
    layout->addLayout(grid, 1);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);
    resize(1000, 640);

    for (QComboBox *box : {m_left, m_right, m_turn})
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_filling)
                showDiff();
        });
    if (comparison) {
        const auto refill = [this] {
            fillLanes();
            fillTurns();
            showDiff();
        };
        connect(comparison, &Comparison::laneAdded, this, refill);
        connect(comparison, &Comparison::laneRemoved, this, refill);
        connect(comparison, &Comparison::lanesMoved, this, refill);
        connect(comparison, &Comparison::blindChanged, this, refill);
        connect(comparison, &Comparison::conversationChanged, this, refill);
        connect(comparison, &Comparison::laneFinished, this, refill);
    }
    fillLanes();
    fillTurns();
    if (m_right->count() > 1)
        m_right->setCurrentIndex(1);
    showDiff();
}

void DiffDialog::fillLanes()
{
    if (!m_comparison)
        return;
    m_filling = true;
    for (QComboBox *box : {m_left, m_right}) {
        const QVariant current = box->currentData();
        box->clear();
        for (ComparisonLane *lane : m_comparison->displayOrder())
            box->addItem(m_comparison->displayName(lane), QVariant::fromValue<QObject *>(lane));
        const int index = box->findData(current);
        box->setCurrentIndex(index >= 0 ? index : 0);
    }
    m_filling = false;
}

void DiffDialog::fillTurns()
{
    if (!m_comparison)
        return;
    m_filling = true;
    const qint64 current = turnKey();
    m_turn->clear();
    const QList<ComparisonTurn> turns = m_comparison->turns();
    for (qsizetype i = 0; i < turns.size(); ++i)
        m_turn->addItem(tr("%1. %2").arg(i + 1).arg(shortPrompt(turns[i].prompt)), turns[i].key);
    const int index = m_turn->findData(current);
    m_turn->setCurrentIndex(index >= 0 ? index : m_turn->count() - 1);
    m_filling = false;
}

void DiffDialog::compare(ComparisonLane *left, ComparisonLane *right, qint64 key)
{
    m_filling = true;
    if (left)
        m_left->setCurrentIndex(std::max(0, m_left->findData(QVariant::fromValue<QObject *>(left))));
    if (right)
        m_right->setCurrentIndex(std::max(0, m_right->findData(QVariant::fromValue<QObject *>(right))));
    const int index = key ? m_turn->findData(key) : m_turn->count() - 1;
    if (index >= 0)
        m_turn->setCurrentIndex(index);
    m_filling = false;
    showDiff();
}

ComparisonLane *DiffDialog::leftLane() const
{
    return qobject_cast<ComparisonLane *>(m_left->currentData().value<QObject *>());
}

ComparisonLane *DiffDialog::rightLane() const
{
    return qobject_cast<ComparisonLane *>(m_right->currentData().value<QObject *>());
}

qint64 DiffDialog::turnKey() const
{
    return m_turn->currentData().toLongLong();
}

QString DiffDialog::answerOf(const ComparisonLane *lane, const ComparisonTurn &turn) const
{
    const int row = turn.rowOf(lane);
    if (!lane || row < 0 || row >= lane->conversation()->rowCount())
        return QString();
    return lane->conversation()->turn(row).result.chat.text;
}

void DiffDialog::showDiff()
{
    m_leftView->clear();
    m_rightView->clear();
    m_diff = {};
    const std::optional<ComparisonTurn> turn = m_comparison ? m_comparison->turn(turnKey()) : std::nullopt;
    ComparisonLane *left = leftLane();
    ComparisonLane *right = rightLane();
    if (!turn || !left || !right) {
        m_summary->setText(tr("Nothing to compare yet: send a prompt first."));
        return;
    }
    const bool leftSent = turn->rowOf(left) >= 0;
    const bool rightSent = turn->rowOf(right) >= 0;
    m_diff = diffWords(answerOf(left, *turn), answerOf(right, *turn));

    const bool dark = isDark(palette());
    QTextCharFormat removed;
    removed.setFontStrikeOut(true);
    removed.setBackground(dark ? QColor(0x5c, 0x24, 0x24) : QColor(0xfb, 0xd5, 0xd5));
    removed.setForeground(dark ? QColor(0xff, 0xb4, 0xb4) : QColor(0x8a, 0x10, 0x10));
    QTextCharFormat added;
    added.setBackground(dark ? QColor(0x1f, 0x4a, 0x2a) : QColor(0xd4, 0xf4, 0xd9));
    added.setForeground(dark ? QColor(0xb4, 0xf0, 0xc0) : QColor(0x0e, 0x5a, 0x1e));
    const QTextCharFormat plain;
    QTextCursor l(m_leftView->document());
    QTextCursor r(m_rightView->document());
    for (const DiffSpan &span : std::as_const(m_diff.spans)) {
        switch (span.kind) {
        case DiffSpan::Equal:
            l.insertText(span.oldText, plain);
            r.insertText(span.text, plain);
            break;
        case DiffSpan::Removed:
            insertMarked(l, span.text, removed);
            break;
        case DiffSpan::Added:
            insertMarked(r, span.text, added);
            break;
        }
    }
    m_leftView->moveCursor(QTextCursor::Start);
    m_rightView->moveCursor(QTextCursor::Start);

    QString text;
    if (left == right)
        text = tr("The same lane on both sides: pick another lane to compare with.");
    else if (!leftSent || !rightSent)
        text = tr("%1 was not sent this turn.").arg(m_comparison->displayName(leftSent ? right : left));
    else if (m_diff.removedWords == 0 && m_diff.addedWords == 0)
        text = tr("The answers have the same words.");
    else
        text = tr("Changed words: %1 only on the left, %2 only on the right.")
                   .arg(m_diff.removedWords)
                   .arg(m_diff.addedWords);
    if (m_diff.granularity == WordDiff::Paragraphs)
        text += u' ' + tr("The answers are long: they were compared paragraph by paragraph.");
    else if (m_diff.granularity == WordDiff::Whole)
        text += u' ' + tr("The answers are too long to compare word by word: shown whole.");
    m_summary->setText(text);
}

void DiffDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        showDiff(); // the tints follow the palette
}

} // namespace versus::ui
