// SPDX-License-Identifier: GPL-3.0-or-later
#include "secrets/keyinput.h"

#include <QCoreApplication>

namespace versus {

namespace {
constexpr qsizetype kMaxKeyBytes = 4096;

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}
} // namespace

void wipeBytes(QByteArray &bytes)
{
    if (!bytes.isEmpty() && bytes.isDetached()) {
        volatile char *p = bytes.data();
        for (qsizetype i = 0; i < bytes.size(); ++i)
            p[i] = 0;
    }
    bytes.clear();
}

std::expected<ApiKey, QString> parseKeyInput(QByteArray &&input, KeyInputTrim trim)
{
    QByteArray bytes = std::move(input);
    qsizetype begin = 0;
    qsizetype end = bytes.size();
    if (trim == KeyInputTrim::Surrounding) {
        while (begin < end && isSpace(bytes.at(begin)))
            ++begin;
        while (end > begin && isSpace(bytes.at(end - 1)))
            --end;
    } else if (end > 0 && bytes.at(end - 1) == '\n') {
        --end;
        if (end > 0 && bytes.at(end - 1) == '\r')
            --end;
    }

    QString problem;
    if (begin == end) {
        problem = QCoreApplication::translate("KeyInput", "The key is empty.");
    } else if (end - begin > kMaxKeyBytes) {
        problem = QCoreApplication::translate("KeyInput", "The input is too long to be an API key.");
    } else {
        for (qsizetype i = begin; i < end && problem.isEmpty(); ++i) {
            const auto c = static_cast<unsigned char>(bytes.at(i));
            if (isSpace(char(c)))
                problem = QCoreApplication::translate(
                    "KeyInput", "The key contains whitespace or a line break. Give exactly one key, on one line.");
            else if (c < 0x21 || c > 0x7e)
                problem = QCoreApplication::translate("KeyInput",
                                                      "The key contains a character that is not printable ASCII.");
        }
    }
    if (!problem.isEmpty()) {
        wipeBytes(bytes);
        return std::unexpected(problem);
    }

    QByteArray key(bytes.constData() + begin, end - begin);
    wipeBytes(bytes);
    return ApiKey::fromUtf8(std::move(key));
}

} // namespace versus
