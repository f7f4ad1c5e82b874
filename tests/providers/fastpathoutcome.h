// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the dual-path tests of the stream decoders compare: a body decoded through a
// StreamPipeline with the decoder's simdjson fast path on or off.
#include "chat/chattypes.h"
#include "providers/streampipeline.h"

#include <QByteArray>
#include <QList>
#include <QTest>

#include <memory>
#include <optional>

namespace versus::test {

struct FastPathOutcome {
    QList<ChatDelta> deltas;
    std::optional<ChatError> error;
    bool done = false;
    int outputsAfterDone = 0;
    qint64 events = 0;
    qint64 fastEvents = 0; ///< events (chunks) the fast path read
};

/// Feeds @p body in pieces ending at @p cuts through a pipeline of a new @p Decoder, with the
/// fast path on or off; @p fastCount reads how many events the fast path took.
template<typename Decoder, auto fastCount>
FastPathOutcome decodeWithPath(const QByteArray &body, bool fast, QList<qsizetype> cuts = {})
{
    auto decoder = std::make_unique<Decoder>();
    decoder->setFastPath(fast);
    Decoder *d = decoder.get();
    StreamPipeline pipeline(std::move(decoder));
    FastPathOutcome o;
    const auto keep = [&o](const ChatDelta &delta) {
        o.deltas.append(delta);
        return true;
    };
    qsizetype from = 0;
    cuts.append(body.size());
    for (qsizetype cut : std::as_const(cuts)) {
        pipeline.feed(QByteArrayView(body).sliced(from, cut - from), keep);
        from = cut;
    }
    pipeline.finish();
    o.error = pipeline.error();
    o.done = pipeline.sawDone();
    o.outputsAfterDone = pipeline.outputsAfterDone();
    o.events = pipeline.events();
    o.fastEvents = (d->*fastCount)();
    return o;
}

inline QByteArray describe(const FastPathOutcome &o)
{
    QByteArray s = "deltas " + QByteArray::number(o.deltas.size());
    for (const ChatDelta &d : o.deltas) {
        const QByteArray one =
            " [" + d.text.toUtf8() + "|" + d.reasoning.toUtf8() + "|" + QByteArray::number(d.toolCalls.size()) + "|" +
            d.finishReason.value_or(QString()).toUtf8() + "|" + QByteArray::number(d.usage.has_value()) + "]";
        s += one;
    }
    if (o.error)
        s += " error " + o.error->message.toUtf8();
    return s;
}

/// Both paths gave the same deltas, error and end marker; the general path took no fast event.
inline void compareOutcomes(const FastPathOutcome &fast, const FastPathOutcome &general, const QByteArray &where)
{
    const QByteArray both = where + ": fast " + describe(fast) + " / general " + describe(general);
    QVERIFY2(fast.deltas == general.deltas, both.constData());
    QVERIFY2(fast.error == general.error, both.constData());
    QVERIFY2(fast.done == general.done, where.constData());
    QVERIFY2(fast.outputsAfterDone == general.outputsAfterDone, where.constData());
    QCOMPARE(general.fastEvents, 0);
}

} // namespace versus::test
