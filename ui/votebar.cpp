// SPDX-License-Identifier: GPL-3.0-or-later
#include "votebar.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace versus::ui {

namespace {
constexpr int kLaneButtonTextWidth = 220; ///< px of a lane's name on its vote button
} // namespace

VoteBar::VoteBar(Comparison *comparison, QWidget *parent)
    : QFrame(parent)
    , m_comparison(comparison)
    , m_question(new QLabel(tr("Which answer is best?"), this))
    , m_laneBox(new QHBoxLayout)
    , m_group(new QButtonGroup(this))
    , m_tie(new QPushButton(tr("Tie"), this))
    , m_allBad(new QPushButton(tr("All bad"), this))
    , m_tags(new QLineEdit(this))
    , m_result(new QLabel(this))
{
    setObjectName(QStringLiteral("voteBar"));
    setFrameShape(QFrame::StyledPanel);
    m_question->setObjectName(QStringLiteral("voteQuestion"));
    QFont bold = m_question->font();
    bold.setBold(true);
    m_question->setFont(bold);
    m_tie->setObjectName(QStringLiteral("voteTieButton"));
    m_tie->setToolTip(tr("The answers are about as good as each other"));
    m_allBad->setObjectName(QStringLiteral("voteAllBadButton"));
    m_allBad->setToolTip(tr("No answer is good enough (counted per model, not as a win for any)"));
    for (QPushButton *button : {m_tie, m_allBad}) {
        button->setCheckable(true);
        m_group->addButton(button);
    }
    m_group->setExclusive(true);
    m_tags->setObjectName(QStringLiteral("voteTagsEdit"));
    m_tags->setPlaceholderText(tr("Tags, comma-separated"));
    m_tags->setToolTip(tr("Words for this prompt (e.g. code, summary): the leaderboard can count only the turns "
                          "with a tag"));
    m_tags->setClearButtonEnabled(true);
    m_tags->setMinimumWidth(160);
    m_tags->setMaximumWidth(260);
    m_result->setObjectName(QStringLiteral("voteResultLabel"));
    // What was chosen takes the width that is left, never more: a long name must not widen the
    // window (the whole text is in the tooltip).
    m_result->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_result->setMinimumWidth(0);
    m_result->setTextFormat(Qt::PlainText);
    m_result->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->setSpacing(6);
    layout->addWidget(m_question);
    m_laneBox->setSpacing(4);
    layout->addLayout(m_laneBox);
    layout->addWidget(m_tie);
    layout->addWidget(m_allBad);
    layout->addSpacing(12);
    layout->addWidget(m_tags);
    layout->addWidget(m_result, 1); // the rest of the width: buttons keep their size

    connect(m_tie, &QPushButton::clicked, this, [this] { cast(Vote::Kind::Tie, nullptr); });
    connect(m_allBad, &QPushButton::clicked, this, [this] { cast(Vote::Kind::AllBad, nullptr); });
    connect(m_tags, &QLineEdit::editingFinished, this, &VoteBar::storeTags);

    for (auto signal : {&Comparison::turnFinished, &Comparison::blindChanged, &Comparison::conversationChanged,
                        &Comparison::lanesMoved})
        connect(comparison, signal, this, &VoteBar::refresh);
    connect(comparison, &Comparison::busyChanged, this, &VoteBar::refresh);
    connect(comparison, &Comparison::verdictChanged, this, &VoteBar::refresh);
    connect(comparison, &Comparison::laneRemoved, this, &VoteBar::refresh);
    connect(comparison, &Comparison::laneAdded, this, &VoteBar::refresh);
    refresh();
}

bool VoteBar::answered(const LaneTurn &turn)
{
    using history::AnswerState;
    if (turn.state == AnswerState::Streaming || turn.state == AnswerState::Error)
        return false;
    return !turn.result.chat.text.isEmpty() || !turn.result.chat.toolCalls.isEmpty();
}

void VoteBar::refresh()
{
    const qint64 key = m_comparison->lastTurnKey();
    const std::optional<ComparisonTurn> turn =
        key && !m_comparison->isBusy() ? m_comparison->turn(key) : std::optional<ComparisonTurn>();
    int answers = 0;
    if (turn) {
        for (const auto &[lane, row] : turn->rows)
            answers += answered(lane->conversation()->turn(row)) ? 1 : 0;
    }
    if (answers < 2) {
        m_turnKey = 0;
        hide();
        return;
    }
    if (key != m_turnKey) {
        m_turnKey = key;
        m_tags->setText(m_comparison->turnTags(key).join(QStringLiteral(", ")));
    } else if (!m_tags->hasFocus()) {
        m_tags->setText(m_comparison->turnTags(key).join(QStringLiteral(", ")));
    }

    // A button per lane sent the turn, in the order the lanes are shown.
    for (QPushButton *button : std::as_const(m_laneButtons)) {
        m_group->removeButton(button);
        button->deleteLater();
    }
    m_laneButtons.clear();
    const std::optional<Vote> vote = m_comparison->vote(key);
    for (ComparisonLane *lane : m_comparison->displayOrder()) {
        const int row = turn->rowOf(lane);
        if (row < 0)
            continue;
        // Six long model names must not widen the window: a name is elided in the middle (the
        // provider and the model's end stay readable) and said whole in the tooltip.
        const QString name = m_comparison->displayName(lane);
        auto *button = new QPushButton(fontMetrics().elidedText(name, Qt::ElideMiddle, kLaneButtonTextWidth), this);
        button->setObjectName(QStringLiteral("voteLaneButton"));
        button->setCheckable(true);
        button->setEnabled(answered(lane->conversation()->turn(row)));
        button->setToolTip(button->isEnabled() ? tr("%1: this lane's answer is the best").arg(name)
                                               : tr("%1 has no answer to vote for").arg(name));
        button->setChecked(vote && vote->kind == Vote::Kind::Best && vote->best == lane);
        m_group->addButton(button);
        m_laneBox->addWidget(button);
        connect(button, &QPushButton::clicked, this, [this, chosen = QPointer<ComparisonLane>(lane)] {
            if (chosen)
                cast(Vote::Kind::Best, chosen);
        });
        m_laneButtons << button;
    }
    m_tie->setChecked(vote && vote->kind == Vote::Kind::Tie);
    m_allBad->setChecked(vote && vote->kind == Vote::Kind::AllBad);
    if (!vote) {
        // No button stays checked from an earlier turn.
        m_group->setExclusive(false);
        m_tie->setChecked(false);
        m_allBad->setChecked(false);
        m_group->setExclusive(true);
        m_result->clear();
    } else if (vote->kind == Vote::Kind::Best && vote->best) {
        // The last turn's vote reveals the names: the choice is said by its model's name.
        m_result->setText(tr("You chose %1.").arg(m_comparison->displayName(vote->best)));
    } else if (vote->kind == Vote::Kind::Tie) {
        m_result->setText(tr("You called it a tie."));
    } else if (vote->kind == Vote::Kind::AllBad) {
        m_result->setText(tr("You found every answer bad."));
    } else {
        m_result->setText(tr("You chose a lane that is closed now."));
    }
    m_result->setToolTip(m_result->text());
    m_question->setText(vote ? tr("Your verdict:") : tr("Which answer is best?"));
    show();
}

void VoteBar::cast(Vote::Kind kind, ComparisonLane *best)
{
    if (!m_turnKey)
        return;
    storeTags(); // typed but not yet confirmed
    Vote vote;
    vote.kind = kind;
    vote.best = best;
    m_comparison->castVote(m_turnKey, vote);
}

void VoteBar::storeTags()
{
    if (!m_turnKey)
        return;
    m_comparison->setTurnTags(m_turnKey, m_tags->text().split(u',', Qt::SkipEmptyParts));
}

} // namespace versus::ui
