using System.Globalization;
using Sightline.Parsers.X509;

namespace Sightline.Data.Ingestion;

/// <summary>
/// Reads the format settings that say where and when an input was observed (<c>host</c>, <c>port</c>, <c>seen</c>).
/// A setting that is present but unreadable is an error, never silently ignored.
/// </summary>
internal static class ImportSettings
{
    /// <summary>The <c>seen</c> setting as UTC (ISO 8601; a time without offset is taken as UTC), or null when absent.</summary>
    public static DateTimeOffset? Seen(ImportContext context, out string? error)
    {
        error = null;
        if (Value(context, "seen") is not { } text)
        {
            return null;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var seen))
        {
            return seen.ToUniversalTime();
        }
        error = $"setting 'seen' is not an ISO 8601 timestamp: '{text}'";
        return null;
    }

    /// <summary>The <c>host</c> setting normalised like a sighting's host (lower-case name or canonical IP), or null when absent.</summary>
    public static string? Host(ImportContext context, out string? error)
    {
        error = null;
        return Value(context, "host") is { } text ? HostName.Normalize(text, out error) : null;
    }

    /// <summary>The <c>port</c> setting (1 to 65535), or null when absent.</summary>
    public static int? Port(ImportContext context, out string? error)
    {
        error = null;
        if (Value(context, "port") is not { } text)
        {
            return null;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535)
        {
            return port;
        }
        error = $"setting 'port' is not a port number from 1 to 65535: '{text}'";
        return null;
    }

    private static string? Value(ImportContext context, string name) =>
        context.Settings.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
