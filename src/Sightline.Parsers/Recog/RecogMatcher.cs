using System.Collections.Concurrent;
using System.Xml;

namespace Sightline.Parsers.Recog;

/// <summary>
/// Identifies banners and headers with recog's fingerprint databases. Each database is parsed and its regexes
/// compiled on first use only, so a caller that only meets SSH banners never pays for the SNMP database.
/// Thread-safe.
/// </summary>
internal sealed class RecogMatcher
{
    private const string ResourcePrefix = "parsers/Recog/data/";

    private static readonly Lazy<RecogMatcher> _default = new(() => FromEmbedded(withExamples: false));

    private readonly Dictionary<string, (string FileName, Func<Stream> Open)> _sources;
    private readonly ConcurrentDictionary<string, Lazy<RecogDatabase>> _loaded = new(StringComparer.Ordinal);
    private readonly bool _withExamples;

    // Scans repeat the same few banners thousands of times; remembering answers skips re-running hundreds of regexes.
    private const int CacheLimit = 20_000;
    private readonly ConcurrentDictionary<(string Key, string Text), RecogMatch?> _answers = new();

    public RecogMatcher(IEnumerable<(string FileName, Func<Stream> Open)> sources, bool withExamples = false)
    {
        ArgumentNullException.ThrowIfNull(sources);
        _withExamples = withExamples;
        _sources = new Dictionary<string, (string, Func<Stream>)>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            using var stream = source.Open();
            var header = RecogDatabaseLoader.ReadHeader(stream, source.FileName);
            _sources[header.MatchesKey] = source;
        }
    }

    /// <summary>The fingerprints shipped with Sightline (embedded resources), without their examples.</summary>
    public static RecogMatcher Default => _default.Value;

    /// <summary>Every database key (<c>matches</c> attribute or file name), e.g. <c>ssh.banner</c>.</summary>
    public IReadOnlyCollection<string> Keys => _sources.Keys;

    /// <summary>The embedded databases; <paramref name="withExamples"/> keeps each fingerprint's examples (tests).</summary>
    public static RecogMatcher FromEmbedded(bool withExamples)
    {
        var assembly = typeof(RecogMatcher).Assembly;
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".xml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        return new RecogMatcher(
            names.Select(n => (n[ResourcePrefix.Length..], (Func<Stream>)(() => assembly.GetManifestResourceStream(n)!))),
            withExamples);
    }

    /// <summary>The database for a key, or null when there is none.</summary>
    /// <exception cref="XmlException">The database file is not well-formed.</exception>
    public RecogDatabase? Database(string matchesKey)
    {
        if (!_sources.TryGetValue(matchesKey, out var source))
        {
            return null;
        }
        return _loaded.GetOrAdd(matchesKey, _ => new Lazy<RecogDatabase>(() =>
        {
            using var stream = source.Open();
            return RecogDatabaseLoader.Load(stream, source.FileName, _withExamples);
        })).Value;
    }

    /// <summary>
    /// The first fingerprint of database <paramref name="matchesKey"/> (in file order, as recog does) that
    /// matches <paramref name="text"/>, or null when none does or the key is unknown.
    /// </summary>
    public RecogMatch? Identify(string matchesKey, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_answers.TryGetValue((matchesKey, text), out var known))
        {
            return known;
        }
        var answer = Scan(matchesKey, text);
        if (_answers.Count < CacheLimit && text.Length <= 4096)
        {
            _answers.TryAdd((matchesKey, text), answer);
        }
        return answer;
    }

    private RecogMatch? Scan(string matchesKey, string text)
    {
        var database = Database(matchesKey);
        if (database is null)
        {
            return null;
        }
        foreach (var fingerprint in database.Fingerprints)
        {
            if (RecogEvaluator.Evaluate(database, fingerprint, text) is { } match)
            {
                return match;
            }
        }
        return null;
    }

    /// <summary>
    /// Identifies a raw port banner or header block as a scanner shows it (<c>SSH-2.0-OpenSSH_8.2p1</c>,
    /// <c>220 mail.example.com ESMTP Postfix</c>, <c>Server: nginx</c> lines...) against every database relevant
    /// to <paramref name="service"/> (an nmap service name such as <c>ssh</c>, <c>smtp</c>, <c>http</c>).
    /// </summary>
    public RecogMatch? IdentifyBanner(string? service, string banner)
    {
        ArgumentNullException.ThrowIfNull(banner);
        foreach (var (key, text) in RecogBannerRouting.Candidates(service, banner))
        {
            if (Identify(key, text) is { } match)
            {
                return match;
            }
        }
        return null;
    }
}
