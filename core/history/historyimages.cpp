// SPDX-License-Identifier: GPL-3.0-or-later
// Images attached to turns (schema version 4): stored once per SHA-256, linked to turns in order.
#include "history/historystore_p.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace versus::history {

std::expected<void, HistoryError> HistoryStore::Private::storeTurnImages(qint64 turnId, const QList<ImageInput> &images)
{
    int position = 0;
    for (const ImageInput &image : images) {
        const QString sha256 = image.sha256();
        // The same bytes sent again (in this turn or any other) keep the row that is there.
        auto stored = exec(u"INSERT INTO images (sha256, mime_type, bytes, size) VALUES (?, ?, ?, ?) "
                           u"ON CONFLICT(sha256) DO NOTHING"_s,
                           {sha256, image.mimeType, image.data, qint64(image.data.size())});
        if (!stored)
            return std::unexpected(stored.error());
        auto linked =
            exec(u"INSERT INTO turn_images (turn_id, position, sha256, file_name) VALUES (?, ?, ?, COALESCE(?, ''))"_s,
                 {turnId, position++, sha256, image.fileName});
        if (!linked)
            return std::unexpected(linked.error());
    }
    return {};
}

std::expected<void, HistoryError> HistoryStore::Private::loadTurnImages(qint64 conversationId,
                                                                        QList<TurnRecord> &turns) const
{
    QHash<qint64, qsizetype> index;
    for (qsizetype i = 0; i < turns.size(); ++i)
        index.insert(turns.at(i).id, i);
    auto rows = exec(u"SELECT ti.turn_id, i.mime_type, i.bytes, ti.file_name FROM turn_images ti "
                     u"JOIN images i ON i.sha256 = ti.sha256 JOIN turns t ON t.id = ti.turn_id "
                     u"WHERE t.conversation_id = ? ORDER BY ti.turn_id, ti.position"_s,
                     {conversationId});
    if (!rows)
        return std::unexpected(rows.error());
    while (rows->next()) {
        const auto turn = index.constFind(rows->value(0).toLongLong());
        if (turn == index.cend())
            continue;
        ImageInput image;
        image.mimeType = rows->value(1).toString();
        image.data = rows->value(2).toByteArray();
        image.fileName = rows->value(3).toString();
        turns[*turn].images << image;
    }
    return {};
}

std::expected<void, HistoryError> HistoryStore::Private::deleteConversationImages(qint64 conversationId)
{
    auto unlinked = exec(u"DELETE FROM turn_images WHERE turn_id IN (SELECT id FROM turns WHERE conversation_id = ?)"_s,
                         {conversationId});
    if (!unlinked)
        return std::unexpected(unlinked.error());
    // secure_delete zeroes the freed pages (overflow pages of large blobs too); scrub() then
    // truncates the WAL that still holds their old images.
    auto orphans = exec(u"DELETE FROM images WHERE NOT EXISTS "
                        u"(SELECT 1 FROM turn_images ti WHERE ti.sha256 = images.sha256)"_s);
    if (!orphans)
        return std::unexpected(orphans.error());
    return {};
}

} // namespace versus::history
