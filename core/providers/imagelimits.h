// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/chattypes.h"
#include "providers/providerinfo.h"

#include <QStringList>

namespace versus {

/// "6.2 MB" / "512 KB": a byte count as people read it (1 MB = 1024 × 1024 bytes, as the
/// providers' own limits are meant).
QString formatImageBytes(qint64 bytes);

/// Every way the images of @p messages (all of them: the whole conversation is sent again)
/// break @p limits, in words naming the provider (@p providerName) and the file.
QStringList imageLimitProblems(const ImageLimits &limits, const QString &providerName,
                               const QList<ChatMessage> &messages);

} // namespace versus
