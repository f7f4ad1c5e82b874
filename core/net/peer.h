// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace versus::net {

/// Who a request goes to, as far as the wording of a network error needs to know.
/// Providers fill it from their catalog entry (Provider::peer()).
struct Peer {
    QString displayName; ///< empty: the URL's host is named instead
    bool local = false;  ///< a server on this machine: "refused" means "not running"
    friend bool operator==(const Peer &, const Peer &) = default;
};

} // namespace versus::net
