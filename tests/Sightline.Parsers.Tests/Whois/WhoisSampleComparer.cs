using System.Globalization;
using System.Text;
using System.Text.Json;
using Sightline.Parsers.Whois;

namespace Sightline.Parsers.Tests.Whois;

/// <summary>One field where the parse differs from a sample's expected parse.</summary>
internal sealed record WhoisMiss(string Sample, string Field, string Expected, string Actual);

/// <summary>
/// Compares a parse with the expected parse shipped beside a sample, field by field, on the fields the expected
/// file gives: registrar, the three dates (UTC day), name servers (as a set), status flags (first word, any case),
/// and contacts' name, organization, e-mail and country.
/// </summary>
internal static class WhoisSampleComparer
{
    public static List<WhoisMiss> CompareLikexian(string sample, JsonElement expected, WhoisRecordData? actual)
    {
        var misses = new List<WhoisMiss>();
        var domain = Object(expected, "domain");
        Text(misses, sample, "registrar.name", Str(Object(expected, "registrar"), "name"), actual?.Registrar?.Name);
        Date(misses, sample, "created", Str(domain, "created_date_in_time"), Str(domain, "created_date"), actual?.RegistrationDate);
        Date(misses, sample, "updated", Str(domain, "updated_date_in_time"), Str(domain, "updated_date"), actual?.UpdatedDate);
        Date(misses, sample, "expires", Str(domain, "expiration_date_in_time"), Str(domain, "expiration_date"), actual?.ExpirationDate);
        Set(misses, sample, "name_servers", Strings(domain, "name_servers"), actual?.NameServers, s => s.ToLowerInvariant());
        Set(misses, sample, "status", Strings(domain, "status"), actual?.Statuses, FirstWord);
        foreach (var (key, contact) in new[] { ("registrant", actual?.Registrant), ("administrative", actual?.Admin), ("technical", actual?.Technical) })
        {
            var e = Object(expected, key);
            Text(misses, sample, key + ".name", Str(e, "name"), contact?.Name);
            Text(misses, sample, key + ".organization", Str(e, "organization"), contact?.Organization);
            Text(misses, sample, key + ".email", Str(e, "email"), contact?.Email);
            Text(misses, sample, key + ".country", Str(e, "country"), contact?.CountryOrRegion);
        }
        return misses;
    }

    public static List<WhoisMiss> ComparePenman(string sample, JsonElement expected, WhoisRecordData? actual)
    {
        var misses = new List<WhoisMiss>();
        Text(misses, sample, "domain_name", First(expected, "domain_name"), actual?.Domain);
        Text(misses, sample, "registrar", First(expected, "registrar"), actual?.Registrar?.Name);
        Date(misses, sample, "creation_date", null, First(expected, "creation_date"), actual?.RegistrationDate);
        Date(misses, sample, "updated_date", null, First(expected, "updated_date"), actual?.UpdatedDate);
        Date(misses, sample, "expiration_date", null, First(expected, "expiration_date"), actual?.ExpirationDate);
        Set(misses, sample, "name_servers", Strings(expected, "name_servers"), actual?.NameServers, s => s.ToLowerInvariant().TrimEnd('.'));
        Set(misses, sample, "status", Strings(expected, "status"), actual?.Statuses, FirstWord);
        Text(misses, sample, "tech_org", First(expected, "tech_org"), actual?.Technical?.Organization);
        Text(misses, sample, "tech_email", First(expected, "tech_email"), actual?.Technical?.Email);
        return misses;
    }

    public static string Report(string title, int samples, IReadOnlyCollection<WhoisMiss> misses)
    {
        var missed = misses.Select(m => m.Sample).Distinct(StringComparer.Ordinal).Count();
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"## {title}").AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{Score(samples, misses)}").AppendLine();
        sb.AppendLine("| sample | field | expected | actual |").AppendLine("|---|---|---|---|");
        foreach (var m in misses)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {Cell(m.Sample)} | {Cell(m.Field)} | {Cell(m.Expected)} | {Cell(m.Actual)} |");
        }
        return sb.AppendLine().ToString();
    }

    public static string Score(int samples, IReadOnlyCollection<WhoisMiss> misses)
    {
        var matched = samples - misses.Select(m => m.Sample).Distinct(StringComparer.Ordinal).Count();
        return string.Create(CultureInfo.InvariantCulture,
            $"{matched} of {samples} samples match on every expected field ({100.0 * matched / samples:F1}%).");
    }

    public static double Ratio(int samples, IReadOnlyCollection<WhoisMiss> misses) =>
        (samples - misses.Select(m => m.Sample).Distinct(StringComparer.Ordinal).Count()) / (double)samples;

    private static string Cell(string s) => s.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static void Text(List<WhoisMiss> misses, string sample, string field, string? expected, string? actual)
    {
        if (string.IsNullOrWhiteSpace(expected))
        {
            return;
        }
        if (!string.Equals(Squeeze(expected), Squeeze(actual ?? ""), StringComparison.OrdinalIgnoreCase))
        {
            misses.Add(new WhoisMiss(sample, field, expected, actual ?? "(none)"));
        }
    }

    private static void Date(List<WhoisMiss> misses, string sample, string field, string? exact, string? text, DateTimeOffset? actual)
    {
        DateTimeOffset? expected = exact is not null
            && DateTimeOffset.TryParse(exact, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var e)
            ? e.ToUniversalTime()
            : WhoisDates.Parse(text);
        if (expected is null)
        {
            // The expected file gives no date we can read ("before 1 January 1996"): nothing to compare.
            return;
        }
        if (actual?.UtcDateTime.Date != expected.Value.UtcDateTime.Date)
        {
            misses.Add(new WhoisMiss(sample, field, expected.Value.ToString("O", CultureInfo.InvariantCulture),
                actual?.ToString("O", CultureInfo.InvariantCulture) ?? "(none)"));
        }
    }

    private static void Set(List<WhoisMiss> misses, string sample, string field, List<string>? expected,
        IReadOnlyList<string>? actual, Func<string, string> key)
    {
        if (expected is not { Count: > 0 })
        {
            return;
        }
        var want = expected.Select(key).ToHashSet(StringComparer.Ordinal);
        var got = (actual ?? []).Select(key).ToHashSet(StringComparer.Ordinal);
        if (!want.SetEquals(got))
        {
            misses.Add(new WhoisMiss(sample, field, string.Join(", ", expected), string.Join(", ", actual ?? [])));
        }
    }

    private static string FirstWord(string status) =>
        status.Trim().Split([' ', '(', ',', '\t'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.TrimEnd('.').ToLowerInvariant() ?? "";

    private static string Squeeze(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static JsonElement? Object(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : null;

    private static string? Str(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string? First(JsonElement parent, string name) => Strings(parent, name)?.FirstOrDefault();

    private static List<string>? Strings(JsonElement? parent, string name)
    {
        if (parent is not { ValueKind: JsonValueKind.Object } p || !p.TryGetProperty(name, out var v))
        {
            return null;
        }
        return v.ValueKind switch
        {
            JsonValueKind.String => [v.GetString()!],
            JsonValueKind.Array => [.. v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!)],
            _ => null,
        };
    }
}
