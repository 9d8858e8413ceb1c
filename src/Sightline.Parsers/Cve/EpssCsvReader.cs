using System.Globalization;
using Sightline.Parsers.Common;

namespace Sightline.Parsers.Cve;

/// <summary>
/// Reads EPSS scores from CSV; Position is the line number. Two layouts are recognised by their header:
/// FIRST.org's daily file (<c>#model_version:v2023.03.01,score_date:2023-06-01T00:00:00+0000</c> comment, then
/// <c>cve,epss,percentile</c>) and jgamblin/KEV_EPSS's <c>CVE,CVSS3,EPSS,EPSS Percentile,Description,Vendor,Product</c>.
/// Columns are found by name, ignoring case and order. Lines starting with <c>#</c> and blank lines are skipped.
/// A line with a bad CVE id, a missing field or a score outside 0–1 is a Fail and reading goes on; input without
/// a recognisable header is one Fail.
/// </summary>
internal static class EpssCsvReader
{
    public static IEnumerable<Parsed<EpssScore>> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ReadCore(reader);
    }

    private static IEnumerable<Parsed<EpssScore>> ReadCore(TextReader reader)
    {
        var csv = new CsvRecordReader(reader);
        EpssColumns? columns = null;
        string? modelVersion = null;
        DateTimeOffset? scoreDate = null;
        while (csv.Next() is { } record)
        {
            var (line, text, fields) = record;
            if (text.StartsWith('#'))
            {
                ReadComment(text, ref modelVersion, ref scoreDate);
                continue;
            }
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            if (fields is null)
            {
                yield return Parsed<EpssScore>.Fail(line, "unterminated quoted field at the end of the input");
                yield break;
            }
            if (columns is null)
            {
                columns = EpssColumns.FromHeader(fields);
                if (columns is null)
                {
                    yield return Parsed<EpssScore>.Fail(line, "no EPSS header: expected columns cve, epss and percentile");
                    yield break;
                }
                continue;
            }
            yield return ParseRow(line, fields, columns, modelVersion, scoreDate);
        }
    }

    // "#model_version:v2023.03.01,score_date:2023-06-01T00:00:00+0000"
    private static void ReadComment(string text, ref string? modelVersion, ref DateTimeOffset? scoreDate)
    {
        foreach (var part in text.TrimStart('#').Split(','))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }
            var key = part[..colon].Trim();
            var value = part[(colon + 1)..].Trim();
            if (key.Equals("model_version", StringComparison.OrdinalIgnoreCase))
            {
                modelVersion = value;
            }
            else if (key.Equals("score_date", StringComparison.OrdinalIgnoreCase))
            {
                scoreDate = ParseScoreDate(value);
            }
        }
    }

    /// <summary>FIRST writes the offset without a colon (<c>+0000</c>), which the BCL parser does not accept.</summary>
    public static DateTimeOffset? ParseScoreDate(string value)
    {
        if (value.Length > 5 && value[^5] is '+' or '-' && value[^4..].All(char.IsAsciiDigit))
        {
            value = value[..^2] + ":" + value[^2..];
        }
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            ? date.ToUniversalTime()
            : null;
    }

    private static Parsed<EpssScore> ParseRow(long line, List<string> fields, EpssColumns columns, string? modelVersion, DateTimeOffset? scoreDate)
    {
        if (fields.Count < columns.Width)
        {
            return Parsed<EpssScore>.Fail(line, $"expected {columns.Width.ToString(CultureInfo.InvariantCulture)} fields, found {fields.Count.ToString(CultureInfo.InvariantCulture)}");
        }
        var cve = fields[columns.Cve].Trim().ToUpperInvariant();
        if (!CvePatterns.CveId().IsMatch(cve))
        {
            return Parsed<EpssScore>.Fail(line, $"'{fields[columns.Cve]}' is not a CVE id");
        }
        if (Probability(fields[columns.Epss]) is not { } epss)
        {
            return Parsed<EpssScore>.Fail(line, $"epss '{fields[columns.Epss]}' is not a number between 0 and 1");
        }
        if (Probability(fields[columns.Percentile]) is not { } percentile)
        {
            return Parsed<EpssScore>.Fail(line, $"percentile '{fields[columns.Percentile]}' is not a number between 0 and 1");
        }
        return Parsed<EpssScore>.Ok(line, new EpssScore
        {
            Cve = cve,
            Epss = epss,
            Percentile = percentile,
            ScoreDate = scoreDate,
            ModelVersion = modelVersion,
            // An empty CVSS3 cell is common in the KEV_EPSS file (no NVD score yet): absent, not an error.
            Cvss3 = columns.Cvss3 is { } c && double.TryParse(fields[c], NumberStyles.Float, CultureInfo.InvariantCulture, out var cvss) ? cvss : null,
            Description = Optional(fields, columns.Description),
            Vendor = Optional(fields, columns.Vendor),
            Product = Optional(fields, columns.Product),
        });
    }

    private static double? Probability(string text) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1 ? value : null;

    private static string? Optional(List<string> fields, int? index) =>
        index is { } i && fields[i].Trim() is { Length: > 0 } value ? value : null;
}
