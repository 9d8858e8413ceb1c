using System.Globalization;

namespace Sightline.Parsers.Dns;

/// <summary>
/// The Public Suffix List (https://publicsuffix.org), answering which part of a host name is the public suffix
/// (<c>co.uk</c>) and which is the registrable domain (<c>example.co.uk</c>), by the reference algorithm: the
/// longest matching rule wins, an exception rule (<c>!www.ck</c>) beats all, a wildcard (<c>*.ck</c>) matches one
/// label, and an unlisted TLD is a suffix by the implicit <c>*</c> rule. ICANN and PRIVATE rules both count.
/// </summary>
/// <remarks>
/// Rules are kept in one dictionary keyed by the rule's name without <c>*.</c> or <c>!</c>, and every suffix of
/// a rule is present too (as an empty node), so a lookup walks the host's labels from the right and stops at
/// the first suffix that is not there, as in a trie. Lookups by span allocate nothing but the returned string.
/// </remarks>
internal sealed class PublicSuffixList
{
    private const string ResourceName = "parsers/Dns/data/public_suffix_list.dat";

    private static readonly Lazy<PublicSuffixList> _default = new(LoadEmbedded);

    private readonly Dictionary<string, RuleFlags> _rules;
    private readonly Dictionary<string, RuleFlags>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private PublicSuffixList(Dictionary<string, RuleFlags> rules, int ruleCount)
    {
        _rules = rules;
        _lookup = rules.GetAlternateLookup<ReadOnlySpan<char>>();
        RuleCount = ruleCount;
    }

    [Flags]
    private enum RuleFlags : byte
    {
        None = 0,
        Normal = 1,
        Wildcard = 2,
        Exception = 4,
    }

    /// <summary>The list shipped with Sightline (embedded resource), loaded once.</summary>
    public static PublicSuffixList Default => _default.Value;

    /// <summary>How many rules the list holds (ICANN and PRIVATE).</summary>
    public int RuleCount { get; }

    /// <summary>Reads a list in the publicsuffix.org format; rules in Unicode are stored as punycode.</summary>
    public static PublicSuffixList Load(TextReader reader)
    {
        var rules = new Dictionary<string, RuleFlags>(StringComparer.Ordinal);
        var count = 0;
        while (reader.ReadLine() is { } line)
        {
            // A rule is the first whitespace-delimited token of a line; the rest of the line is ignored.
            var token = line.AsSpan().Trim();
            var space = token.IndexOfAny(' ', '\t');
            token = space < 0 ? token : token[..space];
            if (token.IsEmpty || token.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }
            var flag = RuleFlags.Normal;
            if (token.StartsWith("!", StringComparison.Ordinal))
            {
                flag = RuleFlags.Exception;
                token = token[1..];
            }
            else if (token.StartsWith("*.", StringComparison.Ordinal))
            {
                flag = RuleFlags.Wildcard;
                token = token[2..];
            }
            if (HostNames.Normalize(token.ToString(), out var isIp) is not { } name || isIp)
            {
                continue;
            }
            count++;
            rules[name] = rules.GetValueOrDefault(name) | flag;
            for (var dot = name.IndexOf('.', StringComparison.Ordinal); dot >= 0; dot = name.IndexOf('.', dot + 1))
            {
                rules.TryAdd(name[(dot + 1)..], RuleFlags.None);
            }
        }
        return new PublicSuffixList(rules, count);
    }

    /// <summary>The public suffix of a host (<c>co.uk</c> for <c>www.example.co.uk</c>); null for an IP or invalid name.</summary>
    public string? PublicSuffix(string? host)
    {
        if (HostNames.Normalize(host, out var isIp) is not { } name || isIp)
        {
            return null;
        }
        var start = SuffixStart(name);
        return start == 0 ? name : name[start..];
    }

    /// <summary>
    /// The registrable domain (the public suffix plus one label: <c>example.co.uk</c>); null for an IP, an invalid
    /// name, or a name that is itself a public suffix.
    /// </summary>
    public string? RegistrableDomain(string? host)
    {
        if (HostNames.Normalize(host, out var isIp) is not { } name || isIp)
        {
            return null;
        }
        var start = RegistrableDomainStart(name);
        return start switch
        {
            < 0 => null,
            0 => name,
            _ => name[start..],
        };
    }

    /// <summary>
    /// True when <paramref name="host"/> lies strictly below <paramref name="domain"/> in the DNS tree
    /// (<c>a.b.example.com</c> under <c>example.com</c>); a name is not its own subdomain and IPs have none.
    /// </summary>
    public static bool IsSubdomainOf(string? host, string? domain)
    {
        if (HostNames.Normalize(host, out var hostIsIp) is not { } name || hostIsIp
            || HostNames.Normalize(domain, out var domainIsIp) is not { } parent || domainIsIp)
        {
            return false;
        }
        return name.Length > parent.Length + 1
            && name.EndsWith(parent, StringComparison.Ordinal)
            && name[name.Length - parent.Length - 1] == '.';
    }

    /// <summary>
    /// Where the registrable domain starts in an already normalised name (see <see cref="HostNames.IsNormalHostName"/>),
    /// or -1 when the name is a public suffix. For hot loops that slice rather than allocate.
    /// </summary>
    public int RegistrableDomainStart(ReadOnlySpan<char> normalizedHost)
    {
        var suffixStart = SuffixStart(normalizedHost);
        return suffixStart == 0 ? -1 : normalizedHost[..(suffixStart - 1)].LastIndexOf('.') + 1;
    }

    /// <summary>
    /// True when the name's top-level label is on the list, so it is a name on the Internet rather than a file
    /// name (<c>setup.exe</c>), a version or a reserved name (<c>example.invalid</c>). Expects a normalised name.
    /// </summary>
    public bool HasListedTopLevelDomain(ReadOnlySpan<char> normalizedHost) =>
        _lookup.ContainsKey(normalizedHost[(normalizedHost.LastIndexOf('.') + 1)..]);

    /// <summary>Where the public suffix starts in an already normalised name (0 when the whole name is one).</summary>
    public int SuffixStart(ReadOnlySpan<char> normalizedHost)
    {
        // The implicit "*" rule: an unlisted TLD is itself the suffix.
        var suffixStart = normalizedHost.LastIndexOf('.') + 1;
        var previousStart = -1;
        var previousFlags = RuleFlags.None;
        var end = normalizedHost.Length;
        while (end > 0)
        {
            var start = normalizedHost[..end].LastIndexOf('.') + 1;
            var found = _lookup.TryGetValue(normalizedHost[start..], out var flags);
            if ((previousFlags & RuleFlags.Wildcard) != 0)
            {
                suffixStart = start;
            }
            if ((flags & RuleFlags.Exception) != 0 && previousStart >= 0)
            {
                return previousStart;
            }
            if ((flags & RuleFlags.Normal) != 0)
            {
                suffixStart = start;
            }
            if (!found)
            {
                break;
            }
            previousStart = start;
            previousFlags = flags;
            end = start - 1;
        }
        return suffixStart;
    }

    /// <summary>True when the list has a rule (of any kind) named exactly <paramref name="name"/>; for tests and diagnostics.</summary>
    public bool ContainsRule(string name) => _rules.TryGetValue(name, out var flags) && flags != RuleFlags.None;

    private static PublicSuffixList LoadEmbedded()
    {
        using var stream = typeof(PublicSuffixList).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The embedded resource {ResourceName} is missing."));
        using var reader = new StreamReader(stream);
        return Load(reader);
    }
}
