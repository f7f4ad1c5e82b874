// SPDX-License-Identifier: GPL-3.0-or-later
#include "worddiff.h"

#include <QRegularExpression>

#include <algorithm>
#include <vector>

namespace versus {

namespace {

struct Token {
    QString key;  ///< what is compared: the token without whitespace
    QString text; ///< what is shown: the token and the whitespace after it
    int words = 0;
};

bool isWordChar(char32_t c)
{
    if (QChar::isLetterOrNumber(c))
        return true;
    switch (QChar::category(c)) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing:
    case QChar::Punctuation_Connector: // snake_case stays one word
        return true;
    default:
        return false;
    }
}

/// The code point at @p i and how many UTF-16 units it takes.
std::pair<char32_t, int> codePointAt(const QString &s, qsizetype i)
{
    const QChar c = s.at(i);
    if (c.isHighSurrogate() && i + 1 < s.size() && s.at(i + 1).isLowSurrogate())
        return {QChar::surrogateToUcs4(c, s.at(i + 1)), 2};
    return {c.unicode(), 1};
}

bool isSpace(char32_t c)
{
    return QChar::isSpace(c);
}

QList<Token> wordTokens(const QString &s)
{
    QList<Token> tokens;
    qsizetype i = 0;
    QString lead;
    while (i < s.size() && isSpace(s.at(i).unicode()))
        lead += s.at(i++);
    while (i < s.size()) {
        const qsizetype start = i;
        auto [c, n] = codePointAt(s, i);
        i += n;
        const bool word = isWordChar(c);
        if (word) {
            while (i < s.size()) {
                auto [d, m] = codePointAt(s, i);
                if (!isWordChar(d))
                    break;
                i += m;
            }
        }
        Token token;
        token.key = s.mid(start, i - start);
        token.words = word ? 1 : 0;
        while (i < s.size() && isSpace(s.at(i).unicode()))
            ++i;
        token.text = s.mid(start, i - start);
        if (tokens.isEmpty() && !lead.isEmpty())
            token.text.prepend(lead);
        tokens.append(token);
    }
    if (tokens.isEmpty() && !lead.isEmpty())
        tokens.append(Token{QString(), lead, 0});
    return tokens;
}

int countWords(const QString &s)
{
    int words = 0;
    for (const Token &t : wordTokens(s))
        words += t.words;
    return words;
}

QList<Token> paragraphTokens(const QString &s)
{
    static const QRegularExpression blankLine(QStringLiteral("\\n[ \\t\\r]*\\n\\s*"));
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    QList<Token> tokens;
    qsizetype from = 0;
    auto it = blankLine.globalMatch(s);
    auto add = [&](qsizetype end) {
        Token token;
        token.text = s.mid(from, end - from);
        token.key = token.text.simplified();
        token.words = countWords(token.text);
        tokens.append(token);
        from = end;
    };
    while (it.hasNext())
        add(it.next().capturedEnd());
    if (from < s.size())
        add(s.size());
    return tokens;
}

class SpanBuilder {
public:
    void add(DiffSpan::Kind kind, const Token &token, const Token *oldToken = nullptr)
    {
        if (m_diff.spans.isEmpty() || m_diff.spans.last().kind != kind)
            m_diff.spans.append(DiffSpan{kind, QString(), QString()});
        DiffSpan &span = m_diff.spans.last();
        span.text += token.text;
        if (oldToken)
            span.oldText += oldToken->text;
        if (kind == DiffSpan::Removed)
            m_diff.removedWords += token.words;
        else if (kind == DiffSpan::Added)
            m_diff.addedWords += token.words;
    }
    WordDiff take(WordDiff::Granularity granularity)
    {
        m_diff.granularity = granularity;
        return std::move(m_diff);
    }

private:
    WordDiff m_diff;
};

/// Longest common subsequence of the tokens between the common head and tail; false (nothing
/// added) when that would take more than @p maxCells.
bool diffTokens(const QList<Token> &a, const QList<Token> &b, qint64 maxCells, SpanBuilder &out)
{
    qsizetype head = 0;
    while (head < a.size() && head < b.size() && a[head].key == b[head].key)
        ++head;
    qsizetype tail = 0;
    while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail].key == b[b.size() - 1 - tail].key)
        ++tail;
    const qsizetype n = a.size() - head - tail;
    const qsizetype m = b.size() - head - tail;
    if (qint64(n) * qint64(m) > maxCells)
        return false;

    for (qsizetype i = 0; i < head; ++i)
        out.add(DiffSpan::Equal, b[i], &a[i]);
    // lcs[i][j]: the longest common subsequence of a[i..n) and b[j..m) (of the middle part).
    const qsizetype w = m + 1;
    std::vector<quint32> lcs(size_t((n + 1) * w), 0);
    for (qsizetype i = n - 1; i >= 0; --i)
        for (qsizetype j = m - 1; j >= 0; --j)
            lcs[size_t(i * w + j)] = a[head + i].key == b[head + j].key
                                         ? lcs[size_t((i + 1) * w + j + 1)] + 1
                                         : std::max(lcs[size_t((i + 1) * w + j)], lcs[size_t(i * w + j + 1)]);
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[head + i].key == b[head + j].key) {
            out.add(DiffSpan::Equal, b[head + j], &a[head + i]);
            ++i;
            ++j;
        } else if (j == m || (i < n && lcs[size_t((i + 1) * w + j)] >= lcs[size_t(i * w + j + 1)])) {
            out.add(DiffSpan::Removed, a[head + i++]);
        } else {
            out.add(DiffSpan::Added, b[head + j++]);
        }
    }
    for (qsizetype k = tail; k > 0; --k)
        out.add(DiffSpan::Equal, b[b.size() - k], &a[a.size() - k]);
    return true;
}

} // namespace

QString WordDiff::oldText() const
{
    QString text;
    for (const DiffSpan &span : spans) {
        if (span.kind == DiffSpan::Equal)
            text += span.oldText;
        else if (span.kind == DiffSpan::Removed)
            text += span.text;
    }
    return text;
}

QString WordDiff::newText() const
{
    QString text;
    for (const DiffSpan &span : spans)
        if (span.kind != DiffSpan::Removed)
            text += span.text;
    return text;
}

WordDiff diffWords(const QString &oldText, const QString &newText, qint64 maxCells)
{
    {
        SpanBuilder out;
        if (diffTokens(wordTokens(oldText), wordTokens(newText), maxCells, out))
            return out.take(WordDiff::Words);
    }
    {
        SpanBuilder out;
        if (diffTokens(paragraphTokens(oldText), paragraphTokens(newText), maxCells, out))
            return out.take(WordDiff::Paragraphs);
    }
    SpanBuilder out;
    if (!oldText.isEmpty())
        out.add(DiffSpan::Removed, Token{QString(), oldText, countWords(oldText)});
    if (!newText.isEmpty())
        out.add(DiffSpan::Added, Token{QString(), newText, countWords(newText)});
    return out.take(WordDiff::Whole);
}

} // namespace versus
