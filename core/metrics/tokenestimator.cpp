// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/tokenestimator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>
#include <cmath>

namespace versus {

QString TokenEstimator::defaultCalibrationPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/versus/token-calibration.json");
}

namespace {
Q_LOGGING_CATEGORY(lcTokenCalibration, "versus.metrics.calibration")

// Version of the file format *and* of the base method: factors learnt against another base
// estimate would be wrong, so a change of method bumps this and old files are dropped.
constexpr int kFileVersion = 1;
// The file holds a few numbers per model; anything much larger is not ours.
constexpr qint64 kMaxFileBytes = 4 * 1024 * 1024;

bool validFactor(double value)
{
    return std::isfinite(value) && value >= TokenEstimator::kMinFactor && value <= TokenEstimator::kMaxFactor;
}

QJsonObject factorToJson(const TokenEstimator::Factor &factor)
{
    return QJsonObject{{QStringLiteral("factor"), factor.value}, {QStringLiteral("samples"), factor.samples}};
}

// An absent factor is a default one; a present but malformed one makes the entry invalid.
std::optional<TokenEstimator::Factor> factorFromJson(const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return TokenEstimator::Factor{};
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject o = value.toObject();
    const QJsonValue factor = o.value(QStringLiteral("factor"));
    const QJsonValue samples = o.value(QStringLiteral("samples"));
    if (!factor.isDouble() || !samples.isDouble())
        return std::nullopt;
    const double s = samples.toDouble();
    if (!validFactor(factor.toDouble()) || !std::isfinite(s) || s < 0 || s != std::floor(s) || s > 1e15)
        return std::nullopt;
    return TokenEstimator::Factor{factor.toDouble(), qint64(s)};
}

qint64 roundTokens(double tokens)
{
    // Any text is at least one token.
    return std::max<qint64>(1, qRound64(tokens));
}
} // namespace

TokenEstimator::TokenEstimator(QString calibrationPath)
    : m_path(std::move(calibrationPath))
{
}

std::expected<void, QString> TokenEstimator::load()
{
    m_entries.clear();
    if (m_path.isEmpty())
        return {};
    QFile file(m_path);
    if (!file.exists())
        return {};
    auto fail = [this](const QString &why) -> std::expected<void, QString> {
        qCWarning(lcTokenCalibration).noquote()
            << QStringLiteral("Ignoring token calibration file %1 (%2); estimates use the default ratio")
                   .arg(m_path, why);
        m_entries.clear();
        return std::unexpected(why);
    };
    if (!file.open(QIODevice::ReadOnly))
        return fail(file.errorString());
    if (file.size() > kMaxFileBytes)
        return fail(QStringLiteral("file too large"));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(QStringLiteral("not JSON: %1 at offset %2").arg(parseError.errorString()).arg(parseError.offset));
    if (!doc.isObject())
        return fail(QStringLiteral("not a JSON object"));
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("version")).toInt(-1) != kFileVersion)
        return fail(QStringLiteral("unknown version"));
    const QJsonValue models = root.value(QStringLiteral("models"));
    if (!models.isArray())
        return fail(QStringLiteral("no \"models\" array"));

    int ignored = 0;
    for (const QJsonValue &value : models.toArray()) {
        const QJsonObject o = value.toObject();
        const QJsonValue provider = o.value(QStringLiteral("provider"));
        const QJsonValue model = o.value(QStringLiteral("model"));
        const auto completion = factorFromJson(o.value(QStringLiteral("completion")));
        const auto prompt = factorFromJson(o.value(QStringLiteral("prompt")));
        if (!value.isObject() || !provider.isString() || provider.toString().isEmpty() || !model.isString() ||
            !completion || !prompt) {
            ++ignored;
            continue;
        }
        m_entries.insert(Key{provider.toString(), model.toString()}, Entry{*completion, *prompt});
    }
    if (ignored > 0) {
        qCWarning(lcTokenCalibration).noquote()
            << QStringLiteral("Ignoring %1 malformed entries in token calibration file %2").arg(ignored).arg(m_path);
        return std::unexpected(QStringLiteral("%1 malformed entries ignored").arg(ignored));
    }
    return {};
}

std::expected<void, QString> TokenEstimator::save() const
{
    if (m_path.isEmpty())
        return {};
    const QFileInfo info(m_path);
    QDir dir = info.absoluteDir();
    if (!dir.exists()) {
        if (!dir.mkpath(QStringLiteral(".")))
            return std::unexpected(QStringLiteral("cannot create %1").arg(dir.path()));
        QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }

    QJsonArray models;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        models.append(QJsonObject{{QStringLiteral("provider"), it.key().first},
                                  {QStringLiteral("model"), it.key().second},
                                  {QStringLiteral("completion"), factorToJson(it->completion)},
                                  {QStringLiteral("prompt"), factorToJson(it->prompt)}});
    }
    const QJsonObject root{{QStringLiteral("version"), kFileVersion}, {QStringLiteral("models"), models}};

    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return std::unexpected(file.errorString());
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return std::unexpected(file.errorString());
    return {};
}

TokenEstimator::Factor TokenEstimator::completionFactor(const QString &provider, const QString &model) const
{
    return m_entries.value(Key{provider, model}).completion;
}

TokenEstimator::Factor TokenEstimator::promptFactor(const QString &provider, const QString &model) const
{
    return m_entries.value(Key{provider, model}).prompt;
}

Usage TokenEstimator::estimate(const QString &provider, const QString &model, const CharCounts &completion,
                               const CharCounts &reasoning, const CharCounts &prompt) const
{
    const Entry entry = m_entries.value(Key{provider, model});
    Usage usage;
    usage.estimated = true;
    if (!completion.isEmpty()) {
        usage.completionTokens = roundTokens(entry.completion.value * completion.baseTokens());
        if (!reasoning.isEmpty())
            usage.reasoningTokens =
                std::min(*usage.completionTokens, roundTokens(entry.completion.value * reasoning.baseTokens()));
    }
    if (!prompt.isEmpty())
        usage.promptTokens = roundTokens(entry.prompt.value * prompt.baseTokens());
    if (usage.completionTokens || usage.promptTokens)
        usage.totalTokens = usage.completionTokens.value_or(0) + usage.promptTokens.value_or(0);
    return usage;
}

Usage TokenEstimator::estimate(const QString &provider, const QString &model, QStringView completionText,
                               QStringView promptText) const
{
    return estimate(provider, model, countChars(completionText), {}, countChars(promptText));
}

bool TokenEstimator::learn(Factor &factor, std::optional<qint64> reported, const CharCounts &chars)
{
    const double base = chars.baseTokens();
    if (!reported || *reported <= 0 || base < kMinCalibrationTokens)
        return false;
    const double observed = std::clamp(double(*reported) / base, kMinFactor, kMaxFactor);
    const auto weight = double(std::min<qint64>(factor.samples + 1, kWindow));
    factor.value += (observed - factor.value) / weight;
    ++factor.samples;
    return true;
}

bool TokenEstimator::calibrate(const QString &provider, const QString &model, const Usage &reported,
                               const CharCounts &completion, const CharCounts &prompt)
{
    if (reported.estimated || provider.isEmpty())
        return false;
    Entry entry = m_entries.value(Key{provider, model});
    const bool learntCompletion = learn(entry.completion, reported.completionTokens, completion);
    const bool learntPrompt = learn(entry.prompt, reported.promptTokens, prompt);
    if (!learntCompletion && !learntPrompt)
        return false;
    m_entries.insert(Key{provider, model}, entry);
    return true;
}

} // namespace versus
