// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace versus {

namespace net {
class RequestAuthorizer;
}
class KeychainStore;

/// An API key held in memory. It cannot be printed, streamed to QDebug, converted to a
/// string or put into a URL: only its redacted form is public. The raw bytes are handed
/// out solely to the classes that must have them (the transport that sets the auth
/// header, the keychain store that saves it), through an access token only they can make.
class ApiKey {
public:
    class Access {
        Access() = default;
        friend class net::RequestAuthorizer;
        friend class KeychainStore;
        friend class ApiKeyTestAccess; // tests only; defined in tests/support
    };

    ApiKey() = default;
    static ApiKey fromUtf8(QByteArray bytes);
    ApiKey(const ApiKey &) = default;
    ApiKey &operator=(const ApiKey &) = default;
    ApiKey(ApiKey &&other) noexcept;
    ApiKey &operator=(ApiKey &&other) noexcept;
    ~ApiKey();

    bool isEmpty() const { return m_bytes.isEmpty(); }
    /// "gsk_…a1b2": a short prefix that names the key's kind (up to the first '_' or '-',
    /// at most 4 characters) and the last four characters; "…" alone for short keys.
    QString redacted() const;
    /// Overwrites the bytes in memory (best effort: copies made by Qt's implicit sharing
    /// are detached first, so only this object's buffer is guaranteed cleared).
    void clear();

    const QByteArray &reveal(Access) const { return m_bytes; }
    bool sameKeyAs(const ApiKey &other) const { return m_bytes == other.m_bytes; }

private:
    explicit ApiKey(QByteArray bytes)
        : m_bytes(std::move(bytes))
    {
    }
    QByteArray m_bytes;
};

// Deliberately no operator<<(QDebug, ApiKey), no QString conversion and no operator==
// with strings: compile errors are the point.

} // namespace versus
