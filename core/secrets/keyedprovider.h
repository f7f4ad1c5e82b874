// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace versus {

/// What the key management (CLI `keys`, the Providers & Keys page) needs to know about a
/// provider: its id (the keychain entry's name), what to call it, and the environment
/// variable that overrides the stored key.
struct KeyedProvider {
    QString id;
    QString displayName;
    QString envVar;
    bool keyRequired = true;

    friend bool operator==(const KeyedProvider &, const KeyedProvider &) = default;
};

} // namespace versus
