using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sightline.Data.Reputation;

/// <summary>
/// The versioned reputation configuration: class thresholds and, per rule, enabled, weight and thresholds. The default
/// is embedded (<c>Reputation/data/reputation-rules.json</c>); an operator file is laid over it key by key, so it need
/// only hold its <c>version</c> and what it changes. Unknown rules, thresholds or settings are errors, not ignored.
/// </summary>
public sealed class ReputationRuleSet
{
    public const string FileName = "reputation-rules.json";

    private static readonly JsonDocumentOptions _jsonOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    private static readonly Lazy<JsonObject> _defaultJson = new(() => ParseObject(ReadEmbedded(FileName), "the built-in rule set"));
    private static readonly Lazy<ReputationRuleSet> _default = new(() => From(_defaultJson.Value, "built-in"));

    private ReputationRuleSet(string version, string source, int suspicious, int malicious, int maxEvidence, Dictionary<string, RuleSettings> rules)
    {
        Version = version;
        Source = source;
        SuspiciousFrom = suspicious;
        MaliciousFrom = malicious;
        MaxEvidencePerRule = maxEvidence;
        Rules = rules;
    }

    public static ReputationRuleSet Default => _default.Value;

    public string Version { get; }

    /// <summary>Where the rule set came from: <c>built-in</c> or the operator file's path.</summary>
    public string Source { get; }

    /// <summary>Lowest score classified suspicious.</summary>
    public int SuspiciousFrom { get; }

    /// <summary>Lowest score classified malicious.</summary>
    public int MaliciousFrom { get; }

    /// <summary>At most this many evidence items (rules entries) per rule for one host.</summary>
    public int MaxEvidencePerRule { get; }

    public IReadOnlyDictionary<string, RuleSettings> Rules { get; }

    public RuleSettings Rule(string key) => Rules.TryGetValue(key, out var rule) ? rule : new RuleSettings { Enabled = false };

    /// <summary>An operator file laid over the default.</summary>
    public static ReputationRuleSet Load(string path)
    {
        var merged = (JsonObject)_defaultJson.Value.DeepClone();
        var file = ParseObject(File.ReadAllText(path), path);
        if (file["version"]?.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace(file["version"]!.GetValue<string>()))
        {
            throw new InvalidDataException($"{path}: a reputation rule set must name its \"version\".");
        }
        Merge(merged, file, path, "");
        try
        {
            return From(merged, Path.GetFullPath(path));
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{path}: a setting has the wrong type ({e.Message}).", e);
        }
    }

    /// <summary>The rule set a store uses: the named file, else <c>reputation-rules.json</c> in the data folder, else the default.</summary>
    public static ReputationRuleSet Resolve(string? file, string? dataDir)
    {
        if (file is { Length: > 0 })
        {
            return Load(file);
        }
        var inFolder = dataDir is null ? null : Path.Combine(dataDir, FileName);
        return inFolder is not null && File.Exists(inFolder) ? Load(inFolder) : Default;
    }

    internal static string ReadEmbedded(string name)
    {
        using var stream = typeof(ReputationRuleSet).Assembly.GetManifestResourceStream("reputation/" + name)
            ?? throw new InvalidOperationException($"The embedded resource reputation/{name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static JsonObject ParseObject(string text, string source)
    {
        try
        {
            return JsonNode.Parse(text, documentOptions: _jsonOptions) as JsonObject
                ?? throw new InvalidDataException($"{source}: a reputation rule set is a JSON object.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>Lays <paramref name="over"/> onto <paramref name="target"/>; every key must exist in the default, except the rule's names list.</summary>
    private static void Merge(JsonObject target, JsonObject over, string source, string path)
    {
        foreach (var (key, value) in over)
        {
            var at = path.Length == 0 ? key : path + "." + key;
            if (!target.ContainsKey(key) && key != "version")
            {
                throw new InvalidDataException($"{source}: unknown setting '{at}' (see the README, \"Reputation\", for the rules and their thresholds).");
            }
            if (value is JsonObject child && target[key] is JsonObject existing)
            {
                Merge(existing, child, source, at);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }

    private static ReputationRuleSet From(JsonObject json, string source)
    {
        var classes = json["classes"]!.AsObject();
        var suspicious = classes["suspicious"]!.GetValue<int>();
        var malicious = classes["malicious"]!.GetValue<int>();
        if (suspicious < 1 || malicious <= suspicious || malicious > 100)
        {
            throw new InvalidDataException($"{source}: class thresholds must satisfy 1 <= suspicious < malicious <= 100.");
        }
        var rules = new Dictionary<string, RuleSettings>(StringComparer.Ordinal);
        foreach (var (key, node) in json["rules"]!.AsObject())
        {
            var rule = node!.AsObject();
            rules[key] = new RuleSettings
            {
                Enabled = rule["enabled"]?.GetValue<bool>() ?? true,
                Weight = Math.Clamp(rule["weight"]?.GetValue<int>() ?? 0, -100, 100),
                Thresholds = rule["thresholds"]?.AsObject().ToDictionary(t => t.Key, t => t.Value!.GetValue<double>(), StringComparer.Ordinal)
                    ?? new Dictionary<string, double>(),
                Names = rule["names"]?.AsArray().Select(n => n!.GetValue<string>()).ToList() ?? [],
            };
        }
        return new ReputationRuleSet(json["version"]!.GetValue<string>(), source, suspicious, malicious,
            Math.Max(1, json["maxEvidencePerRule"]?.GetValue<int>() ?? 5), rules);
    }
}
