using System.Text;
using Sightline.Parsers.Common;
using Sightline.Parsers.Stix;
using Sightline.Parsers.Tests.Support;

namespace Sightline.Parsers.Tests.Stix;

public sealed class StixBundleReaderTests
{
    private static List<Parsed<StixObject>> ReadText(string json) =>
        [.. StixBundleReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)))];

    private static List<Parsed<StixObject>> ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return [.. StixBundleReader.Read(stream)];
    }

    private static readonly Lazy<List<Parsed<StixObject>>> Attack = new(() => ReadFile(SharedData.Path("attack", "enterprise-attack-core.json")));

    [Fact]
    public void Reads_the_attack_bundle_with_the_documented_counts()
    {
        var items = Attack.Value;

        Assert.Empty(items.Where(i => i.IsError).Select(i => i.ToString()));
        var records = items.Select(i => i.Record!).ToList();
        Assert.Equal(187, records.OfType<StixIntrusionSet>().Count());
        Assert.Equal(696, records.OfType<StixMalware>().Count());
        Assert.Equal(91, records.OfType<StixTool>().Count());
        Assert.Equal(1286, records.OfType<StixRelationship>().Count());
        Assert.Equal(52, records.OfType<StixCampaign>().Count());
        Assert.Equal(Enumerable.Range(1, items.Count).Select(i => (long)i), items.Select(i => i.Position));
    }

    [Fact]
    public void Maps_apt28_as_hand_read_from_the_attack_bundle()
    {
        var items = Attack.Value;

        var apt28 = Assert.Single(items, i => i.Record is StixIntrusionSet { Name: "APT28" });
        Assert.Equal(134, apt28.Position);
        var set = (StixIntrusionSet)apt28.Record!;
        Assert.Equal("intrusion-set--bef4c620-0787-42a8-a96d-b7eb6e85917c", set.Id);
        Assert.Equal("G0007", set.ExternalId("mitre-attack"));
        Assert.Equal(16, set.Aliases.Count);
        Assert.Contains("Forest Blizzard", set.Aliases);
        Assert.Equal(new DateTimeOffset(2017, 5, 31, 21, 31, 48, 664, TimeSpan.Zero), set.Created);
        Assert.False(set.Revoked);
        Assert.False(set.Deprecated);
        var emotet = Assert.Single(items.Select(i => i.Record).OfType<StixMalware>(), m => m.Name == "Emotet");
        Assert.Equal(["Emotet", "Geodo"], emotet.Aliases);
        Assert.Equal("S0367", emotet.ExternalId("mitre-attack"));
    }

    public static TheoryData<string> Unit42Bundles => new(
        Directory.GetFiles(SharedData.Path("unit42"), "*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal));

    // Read once and shared: the 58 bundles hold 40,000 objects and several tests look at them.
    private static readonly Lazy<Dictionary<string, List<Parsed<StixObject>>>> Unit42 = new(() =>
        Directory.GetFiles(SharedData.Path("unit42"), "*.json").ToDictionary(f => Path.GetFileName(f), ReadFile, StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Unit42Bundles))]
    public void Reads_every_unit42_bundle_without_failures(string file)
    {
        var items = Unit42.Value[file];

        Assert.Empty(items.Where(i => i.IsError).Select(i => i.ToString()));
        Assert.NotEmpty(items);
        Assert.All(items.Select(i => i.Record).OfType<StixIndicator>(), i => Assert.DoesNotContain(i.PatternNotes, n => n.Contains("syntax error", StringComparison.Ordinal)));
    }

    [Fact]
    public void Every_unit42_indicator_yields_an_observable_except_the_like_only_patterns()
    {
        var indicators = Unit42.Value.Values.SelectMany(items => items).Select(i => i.Record).OfType<StixIndicator>().ToList();

        var empty = indicators.Where(i => i.Observables.Count == 0).ToList();
        Assert.Equal(6670, indicators.Count);
        // Only the 10 evasive-serpens patterns made entirely of LIKE comparisons give nothing to match on.
        Assert.All(empty, i => Assert.True(i.PatternNotes.Count > 0 && i.PatternNotes.All(n => n.StartsWith("unsupported operator LIKE", StringComparison.Ordinal)), i.Pattern));
        Assert.True(empty.Count == LikeOnlyPatternCount, string.Join(Environment.NewLine, empty.Select(i => i.Pattern)));
    }

    private const int LikeOnlyPatternCount = 10;

    [Fact]
    public void Maps_a_unit42_report_and_indicators_as_hand_read()
    {
        var records = Unit42.Value["emotet.json"].Select(i => i.Record).ToList();

        var report = Assert.IsType<StixReport>(records[0]);
        Assert.Equal("Emotet", report.Name);
        Assert.Equal(["atom-playbook", "intrusion-set"], report.Labels);
        Assert.Equal("intrusion-set--c4fcd7c9-08bf-433b-a007-f26631599cad", report.ObjectRefs[0]);
        var domain = Assert.IsType<StixIndicator>(records[324]);
        Assert.Equal("crmweb.info", domain.Name);
        Assert.Equal(new StixObservable("domain-name", "value", "crmweb.info", 1), Assert.Single(domain.Observables));
        Assert.Equal(new DateTimeOffset(2022, 2, 1, 20, 38, 29, 89, TimeSpan.Zero), domain.ValidFrom);
        var hash = Assert.IsType<StixIndicator>(records[60]);
        Assert.Equal(new StixObservable("file", "hashes.'SHA-256'", "04ccedb0e3981cccfb869d4b69f7e8b5bf299f371aebd784362d37ceed70d183", 1), Assert.Single(hash.Observables));
        Assert.Equal(["malicious-activity"], hash.Labels);
        Assert.Equal("stix", hash.PatternType);
    }

    public static TheoryData<string, string, long, string> BadObjects => new()
    {
        { "no id", """{"type":"malware","name":"x"}""", 2, "'id' is missing or empty" },
        { "no type", """{"id":"malware--1","name":"x"}""", 2, "'type' is missing or empty" },
        { "id of another type", """{"type":"malware","id":"tool--1","name":"x"}""", 2, "does not start with its type 'malware--'" },
        { "not an object", "\"malware--1\"", 2, "an object was expected, found a string" },
        { "name not a string", """{"type":"tool","id":"tool--1","name":5}""", 2, "'name' must be a string, not a number" },
        { "bad timestamp", """{"type":"report","id":"report--1","name":"r","published":"yesterday"}""", 2, "'published' is not a timestamp" },
        { "labels not a list", """{"type":"indicator","id":"indicator--1","pattern":"[url:value = 'x']","labels":3}""", 2, "'labels' must be a list of strings" },
        // Found by the importer fuzz: JSON that parses, holding a string .NET cannot read, crashed the reader.
        { "lone surrogate", """{"type":"tool","id":"tool--1","name":"\ud800"}""", 2, "not valid text" },
        { "relationship without target", """{"type":"relationship","id":"relationship--1","relationship_type":"uses","source_ref":"a--1"}""", 2, "'target_ref' is missing" },
    };

    [Theory]
    [MemberData(nameof(BadObjects))]
    public void Rejects_a_malformed_object_and_continues(string name, string bad, long position, string reason)
    {
        var json = $$"""{"type":"bundle","id":"bundle--1","objects":[{"type":"tool","id":"tool--a","name":"A"},{{bad}},{"type":"tool","id":"tool--b","name":"B"}]}""";

        var items = ReadText(json);

        Assert.Equal(3, items.Count);
        var failure = items[1];
        Assert.True(failure.IsError, name);
        Assert.Equal(position, failure.Position);
        Assert.Contains(reason, failure.Error, StringComparison.Ordinal);
        Assert.Equal("B", Assert.IsType<StixTool>(items[2].Record).Name);
    }

    public static TheoryData<string, string> BadDocuments => new()
    {
        { "not JSON", "this is not json" },
        { "empty", "" },
        { "an array", "[1,2]" },
        { "no objects", """{"type":"bundle","id":"bundle--1"}""" },
        { "objects not an array", """{"type":"bundle","objects":{}}""" },
        { "not a bundle", """{"type":"report","objects":[]}""" },
    };

    [Theory]
    [MemberData(nameof(BadDocuments))]
    public void Rejects_an_unreadable_document_with_one_failure(string name, string json)
    {
        var items = ReadText(json);

        var failure = Assert.Single(items);
        Assert.True(failure.IsError, name);
        Assert.Equal(0, failure.Position);
    }

    [Fact]
    public void Rejects_an_object_whose_string_is_not_UTF_8_and_continues()
    {
        var json = Encoding.UTF8.GetBytes("""{"type":"bundle","objects":[{"type":"tool","id":"tool--a","name":"A"},{"type":"tool","id":"tool--x","name":"X?"},{"type":"tool","id":"tool--b","name":"B"}]}""");
        var at = Array.IndexOf(json, (byte)'?');
        json[at] = 0xC3;
        json = [.. json[..(at + 1)], 0x28, .. json[(at + 1)..]];

        var items = StixBundleReader.Read(new MemoryStream(json)).ToList();

        Assert.Equal(3, items.Count);
        Assert.Equal(2, items[1].Position);
        Assert.Contains("not valid text", items[1].Error, StringComparison.Ordinal);
        Assert.Equal("B", Assert.IsType<StixTool>(items[2].Record).Name);
    }

    [Fact]
    public void Stops_with_a_failure_at_the_object_where_the_json_breaks()
    {
        var items = ReadText("""{"type":"bundle","objects":[{"type":"tool","id":"tool--a","name":"A"},{"type":"tool",""");

        Assert.Equal(2, items.Count);
        Assert.Equal("A", Assert.IsType<StixTool>(items[0].Record).Name);
        Assert.Equal(2, items[1].Position);
        Assert.StartsWith("invalid JSON", items[1].Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_stix_21_objects_and_properties_after_the_objects_array()
    {
        var json = """
            {"objects":[
              {"type":"malware","spec_version":"2.1","id":"malware--1","name":"M","is_family":true,"malware_types":["ransomware"],"aliases":["M2"]},
              {"type":"indicator","spec_version":"2.1","id":"indicator--1","pattern":"[ipv4-addr:value = '192.0.2.1']","pattern_type":"stix","indicator_types":["malicious-activity"],"valid_from":"2024-01-02T03:04:05+02:00"},
              {"type":"indicator","spec_version":"2.1","id":"indicator--2","pattern":"rule x {}","pattern_type":"yara"},
              {"type":"x-custom","id":"x-custom--1"}
            ],"type":"bundle","id":"bundle--1"}
            """;

        var records = ReadText(json).Select(i => i.Record).ToList();

        var malware = Assert.IsType<StixMalware>(records[0]);
        Assert.True(malware.IsFamily);
        Assert.Equal(["ransomware"], malware.Labels);
        Assert.Equal("2.1", malware.SpecVersion);
        var indicator = Assert.IsType<StixIndicator>(records[1]);
        Assert.Equal(["malicious-activity"], indicator.Labels);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 1, 4, 5, TimeSpan.Zero), indicator.ValidFrom);
        Assert.Equal(TimeSpan.Zero, indicator.ValidFrom!.Value.Offset);
        var yara = Assert.IsType<StixIndicator>(records[2]);
        Assert.Empty(yara.Observables);
        Assert.Contains("not a STIX pattern", Assert.Single(yara.PatternNotes), StringComparison.Ordinal);
        Assert.Equal("x-custom", Assert.IsType<StixOther>(records[3]).Type);
    }

    [Fact]
    public void Streams_objects_larger_than_the_read_window()
    {
        var description = new string('d', 200_000);
        var json = $$"""{"type":"bundle","objects":[{"type":"tool","id":"tool--a","name":"A","description":"{{description}}"},{"type":"tool","id":"tool--b","name":"B"}]}""";

        var records = ReadText(json).Select(i => i.Record).OfType<StixTool>().ToList();

        Assert.Equal(200_000, records[0].Description!.Length);
        Assert.Equal("B", records[1].Name);
    }
}
