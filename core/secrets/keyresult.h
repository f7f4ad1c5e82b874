// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "secrets/apikey.h"

#include <QString>

namespace versus {

/// Where a key stands after a key-store operation. Every outcome of the OS keychain maps to
/// exactly one of these, so that the user can be told what happened and what to do next.
enum class KeyStatus {
    Stored,        ///< a key is stored (read found one, or write stored it)
    NotStored,     ///< no key is stored (read found none, or remove removed it)
    Locked,        ///< the keyring is locked: a stored key cannot be read or changed now
    AccessDenied,  ///< the user or the system refused access to the keychain
    NoBackend,     ///< no keychain service (Secret Service, KWallet, ...) is running
    NotResponding, ///< the keychain service did not answer in time
    OtherError,    ///< anything else; KeyResult::detail holds the backend's words
};

/// Where the key used for a request came from.
enum class KeySource { None, Environment, Keychain };

/// The one result type of every KeyStore and KeyResolver operation.
struct KeyResult {
    KeyStatus status = KeyStatus::NotStored;
    /// The key, when status is Stored and the operation was a read or a resolve.
    ApiKey key;
    /// The backend's own message for failures (never contains a key); may be empty.
    QString detail;
    /// Filled by KeyResolver; KeyStore results say Keychain for a stored key, else None.
    KeySource source = KeySource::None;

    bool hasKey() const { return status == KeyStatus::Stored && !key.isEmpty(); }
    /// True for the statuses that describe the key (Stored, NotStored), false for failures.
    bool succeeded() const { return status == KeyStatus::Stored || status == KeyStatus::NotStored; }
};

/// A short label for a status column: "stored", "missing", "keyring locked", ...
QString keyStatusLabel(KeyStatus status);

/// A full sentence for the user: what happened and what to do next, with the backend's
/// detail appended for OtherError.
QString keyStatusMessage(const KeyResult &result);

/// A stable machine word for JSON output: "stored", "not_stored", "locked", "access_denied",
/// "no_backend", "not_responding", "error".
QString keyStatusId(KeyStatus status);

/// "env", "keychain" or "none" (the versus-cli contract's words).
QString keySourceId(KeySource source);

} // namespace versus
