// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/synesiaeventreader.h"

#include "providers/simdjsonread.h"

#include <string_view>

namespace versus {

using namespace simdjsonread;

struct SynesiaEventReader::Impl {
    PaddedParser parser;
    Repeated type; // a stream repeats a few types
};

SynesiaEventReader::SynesiaEventReader()
    : d(std::make_unique<Impl>())
{
}

SynesiaEventReader::~SynesiaEventReader() = default;
SynesiaEventReader::SynesiaEventReader(SynesiaEventReader &&) noexcept = default;
SynesiaEventReader &SynesiaEventReader::operator=(SynesiaEventReader &&) noexcept = default;

bool SynesiaEventReader::read(QByteArrayView json, Event &event)
{
    if (json.isEmpty() || !plain(json))
        return false;
    od::document doc;
    if (!d->parser.iterate(json, doc))
        return false;
    unsigned seen = 0;
    int textRank = 3; // of the text taken: 0 "delta", 1 "content", 2 "text", 3 none yet
    const auto readText = [&](od::value value, int rank) {
        od::json_type type;
        if (value.type().get(type))
            return false;
        if (type != od::json_type::string || rank > textRank)
            return skip(value, 1);
        QString text;
        if (!readString(value, text, 1))
            return false;
        event.text = std::move(text);
        textRank = rank;
        return true;
    };
    const bool ok = forEachRootField(doc, [&](std::string_view key, od::value value) {
        if (key == "type")
            return once(seen, 1 << 0) && readRepeated(value, event.type, d->type, 1);
        if (key == "delta")
            return once(seen, 1 << 1) && readText(value, 0);
        if (key == "content")
            return once(seen, 1 << 2) && readText(value, 1);
        if (key == "text")
            return once(seen, 1 << 3) && readText(value, 2);
        return skip(value, 1);
    });
    if (!ok)
        return false;
    // The rare events: the general path.
    const QString &type = event.type;
    return !(type == u"done" || type == u"end" || type == u"error" || type.startsWith(u"internal_tool."));
}

} // namespace versus
