using System.Globalization;
using System.Text;
using Sightline.Parsers.Recog;
using Sightline.Parsers.Tests.Support;

namespace Sightline.Parsers.Tests.Recog;

/// <summary>
/// Recog ships, with each fingerprint, example texts and the parameters they must yield: together the best
/// available test of the Ruby-to-.NET regex translation and of first-match-wins identification.
/// </summary>
public sealed class RecogExampleCorpusTests
{
    private static readonly Lazy<RecogMatcher> _matcher = new(() => RecogMatcher.FromEmbedded(withExamples: true));

    [Fact]
    public void Every_shipped_database_matches_the_shared_recog_files()
    {
        var shipped = _matcher.Value.Keys.Count;
        var files = Directory.GetFiles(SharedData.Path("recog"), "*.xml").Length;
        Assert.Equal(files, shipped);
    }

    [Fact]
    public void Every_pattern_compiles_after_translation()
    {
        var rejected = _matcher.Value.Keys
            .SelectMany(k => _matcher.Value.Database(k)!.Rejected.Select(r => $"{k}: {r}"))
            .ToList();
        Assert.True(rejected.Count == 0, string.Join('\n', rejected));
    }

    [Fact]
    public void At_least_99_percent_of_recog_examples_identify_with_the_stated_params()
    {
        var matcher = _matcher.Value;
        var total = 0;
        var failures = new List<string>();
        foreach (var key in matcher.Keys.Order(StringComparer.Ordinal))
        {
            var database = matcher.Database(key)!;
            foreach (var fingerprint in database.Fingerprints)
            {
                foreach (var example in fingerprint.Examples)
                {
                    total++;
                    if (Check(matcher, database, fingerprint, example) is { } failure)
                    {
                        failures.Add($"[{key}] {fingerprint.Description} /{fingerprint.Pattern}/ on {Show(example.Text)}: {failure}");
                    }
                }
            }
        }
        Assert.True(total > 7000, $"only {total} examples were loaded");
        var rate = (total - failures.Count) / (double)total;
        Assert.True(rate >= 0.99, string.Create(CultureInfo.InvariantCulture,
            $"{total - failures.Count}/{total} ({rate:P2}) examples pass; failures:\n{string.Join('\n', failures)}"));
        // Keep the exact count visible: the suite should tighten if data or translation improve.
        Assert.True(failures.Count == 0, $"{failures.Count} of {total} examples fail:\n{string.Join('\n', failures)}");
    }

    private static string? Check(RecogMatcher matcher, RecogDatabase database, RecogFingerprint fingerprint, RecogExample example)
    {
        var own = RecogEvaluator.Evaluate(database, fingerprint, example.Text);
        if (own is null)
        {
            return "its own fingerprint does not match";
        }
        foreach (var (name, expected) in example.Expected)
        {
            if (!own.Params.TryGetValue(name, out var actual) || actual != expected)
            {
                return $"{name} expected '{expected}' but was '{actual ?? "(absent)"}'";
            }
        }
        var identified = matcher.Identify(database.MatchesKey, example.Text);
        if (identified is null)
        {
            return "Identify found nothing";
        }
        if (ReferenceEquals(identified.Fingerprint, fingerprint) || SameParams(identified.Params, own.Params))
        {
            return null;
        }
        return $"shadowed by earlier fingerprint '{identified.Description}' with other params";
    }

    private static bool SameParams(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);

    private static string Show(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text.Length > 120 ? text[..120] + "…" : text)
        {
            builder.Append(c < 0x20 || c is > '\x7e' and < '\xa0' ? string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}") : c.ToString());
        }
        return builder.Append('"').ToString();
    }
}
