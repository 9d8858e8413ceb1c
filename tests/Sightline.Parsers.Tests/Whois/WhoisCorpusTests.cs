using System.Text;
using System.Text.Json;
using Sightline.Parsers.Common;
using Sightline.Parsers.Tests.Support;
using Sightline.Parsers.Whois;
using Xunit.Abstractions;

namespace Sightline.Parsers.Tests.Whois;

/// <summary>
/// Runs the parser over every public sample (likexian/whois-parser and richardpenman/whois test data) and scores
/// it against the expected parses shipped with them. The misses go to whois-parse-report.md in the test output.
/// </summary>
public sealed class WhoisCorpusTests(ITestOutputHelper output)
{
    private const double LikexianThreshold = 0.90;

    private static string Likexian => SharedData.Path("whois", "likexian");
    private static string Penman => SharedData.Path("whois", "richardpenman");

    /// <summary>Raw likexian samples: every file with an expected parse beside it (".pre" files are its own intermediate form).</summary>
    private static IEnumerable<string> LikexianSamples() =>
        Directory.EnumerateFiles(Likexian).Where(f => File.Exists(f + ".json")).Order(StringComparer.Ordinal);

    private static IEnumerable<string> PenmanSamples() =>
        Directory.EnumerateFiles(Path.Combine(Penman, "whois")).Order(StringComparer.Ordinal);

    [Fact]
    public void Parses_every_sample_without_exception_and_fails_only_on_not_found_or_domainless_text()
    {
        var files = LikexianSamples().Concat(Directory.EnumerateFiles(Likexian, "*.pre")).Concat(PenmanSamples()).ToList();
        Assert.True(files.Count > 200, $"only {files.Count} samples found");
        var unexpected = new List<string>();
        foreach (var file in files)
        {
            var results = Parse(file);
            Assert.Single(results);
            var result = results[0];
            Assert.Equal(1, result.Position);
            if (result.IsError)
            {
                output.WriteLine($"{Path.GetFileName(file)}: {result.Error}");
            }
            if (result.IsError && !result.Error!.StartsWith("not found", StringComparison.Ordinal)
                && !result.Error.StartsWith("no domain name", StringComparison.Ordinal))
            {
                unexpected.Add($"{Path.GetFileName(file)}: {result.Error}");
            }
            if (!result.IsError)
            {
                Assert.False(string.IsNullOrEmpty(result.Record!.Domain));
                Assert.Equal(File.ReadAllText(file), result.Record.RawText);
            }
        }
        Assert.True(unexpected.Count == 0, string.Join("\n", unexpected));
    }

    [Fact]
    public void Likexian_samples_match_their_expected_parse_at_least_90_percent()
    {
        var misses = new List<WhoisMiss>();
        var samples = 0;
        foreach (var file in LikexianSamples())
        {
            samples++;
            using var json = JsonDocument.Parse(File.ReadAllText(file + ".json"));
            var result = Parse(file)[0];
            misses.AddRange(WhoisSampleComparer.CompareLikexian(Path.GetFileName(file), json.RootElement, result.Record));
        }
        var penman = ScorePenman(out var penmanSamples);
        var report = new StringBuilder("# WHOIS parser against public samples\n\n")
            .Append(WhoisSampleComparer.Report("likexian/whois-parser", samples, misses))
            .Append(WhoisSampleComparer.Report("richardpenman/whois", penmanSamples, penman))
            .ToString();
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "whois-parse-report.md"), report);
        output.WriteLine(report);
        var score = "likexian: " + WhoisSampleComparer.Score(samples, misses);
        Assert.True(samples > 150, $"only {samples} likexian samples found");
        Assert.True(WhoisSampleComparer.Ratio(samples, misses) >= LikexianThreshold, score);
    }

    [Fact]
    public void Richardpenman_samples_are_scored_against_their_expected_parse()
    {
        var misses = ScorePenman(out var samples);
        output.WriteLine("richardpenman: " + WhoisSampleComparer.Score(samples, misses));
        foreach (var m in misses)
        {
            output.WriteLine($"{m.Sample}\t{m.Field}\texpected {m.Expected}\tactual {m.Actual}");
        }
        Assert.True(samples >= 60, $"only {samples} richardpenman samples with an expected parse");
    }

    private static List<WhoisMiss> ScorePenman(out int samples)
    {
        var misses = new List<WhoisMiss>();
        samples = 0;
        foreach (var file in PenmanSamples())
        {
            var expectedFile = Path.Combine(Penman, "expected", Path.GetFileName(file));
            if (!File.Exists(expectedFile))
            {
                continue;
            }
            samples++;
            using var json = JsonDocument.Parse(File.ReadAllText(expectedFile));
            misses.AddRange(WhoisSampleComparer.ComparePenman(Path.GetFileName(file), json.RootElement, Parse(file)[0].Record));
        }
        return misses;
    }

    private static List<Parsed<WhoisRecordData>> Parse(string file)
    {
        using var reader = new StreamReader(file, Encoding.UTF8);
        return [.. WhoisParser.Parse(reader)];
    }
}
