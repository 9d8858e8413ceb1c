using System.Net;
using System.Net.Sockets;
using Sightline.Data.Entities;

namespace Sightline.Data.Demo;

/// <summary>Collects the demo rows in memory; hosts are kept unique by id.</summary>
internal sealed class DemoBuilder
{
    /// <summary>Every demo date is an offset back from this instant.</summary>
    public static readonly DateTimeOffset BaseDate = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, Host> _hosts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SslCertificate> _certificates = new(StringComparer.Ordinal);
    private readonly List<object> _rows = [];
    private readonly HashSet<string> _claimed = new(StringComparer.Ordinal);

    public IReadOnlyCollection<Host> Hosts => _hosts.Values;
    public List<Article> Articles { get; } = [];
    public List<ArticleIndicator> ArticleIndicators { get; } = [];
    public List<IntelProfile> Profiles { get; } = [];
    public List<IntelProfileIndicator> ProfileIndicators { get; } = [];
    public List<Vulnerability> Vulnerabilities { get; } = [];

    /// <summary>Host ids of each Unit 42 bundle's host indicators, keyed by the bundle's actor or tool name.</summary>
    public List<(string Name, string ArticleId, List<string> HostIds)> ArticleHosts { get; } = [];

    /// <summary>Synthetic hosts that profiles without public indicators point at.</summary>
    public List<string> SyntheticIndicatorHosts { get; } = [];

    public static DateTimeOffset DaysAgo(double days) => BaseDate.AddDays(-days);

    public bool HasHost(string id) => _hosts.ContainsKey(id);

    public Host Host(string id) => _hosts[id];

    /// <summary>Adds the host if it is new; the id is lower-cased. Returns the stored host.</summary>
    public Host EnsureHost(string id, bool synthetic, DateTimeOffset first, DateTimeOffset last)
    {
        var key = id.ToLowerInvariant();
        if (_hosts.TryGetValue(key, out var existing))
        {
            existing.FirstSeenDateTime = Min(existing.FirstSeenDateTime, first);
            existing.LastSeenDateTime = Max(existing.LastSeenDateTime, last);
            return existing;
        }

        var host = new Host
        {
            Id = key,
            Kind = KindOf(key),
            FirstSeenDateTime = first,
            LastSeenDateTime = last,
            IsSynthetic = synthetic,
        };
        _hosts.Add(key, host);
        return host;
    }

    public static HostKind KindOf(string id) =>
        IPAddress.TryParse(id, out var address)
        && address.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6
            ? HostKind.IpAddress
            : HostKind.Hostname;

    public void AddCertificate(SslCertificate certificate) => _certificates.TryAdd(certificate.Id, certificate);

    public void Add(object row) => _rows.Add(row);

    /// <summary>Hosts with a suspicious (not malicious) signal, and the rule that explains it.</summary>
    public Dictionary<string, (string Name, string Description)> Suspicious { get; } = new(StringComparer.Ordinal);

    /// <summary>True the first time a (row kind, id) pair is seen: guards unique ids.</summary>
    public bool Claim(string kind, string id) => _claimed.Add(kind + "\n" + id);

    public IEnumerable<T> RowsOf<T>() => _rows.OfType<T>();

    /// <summary>Every entity to insert.</summary>
    public IEnumerable<object> Entities() =>
        _hosts.Values.Cast<object>()
            .Concat(_certificates.Values)
            .Concat(_rows)
            .Concat(Articles)
            .Concat(ArticleIndicators)
            .Concat(Profiles)
            .Concat(ProfileIndicators)
            .Concat(Vulnerabilities);

    private static DateTimeOffset Min(DateTimeOffset? a, DateTimeOffset b) => a is { } value && value < b ? value : b;

    private static DateTimeOffset Max(DateTimeOffset? a, DateTimeOffset b) => a is { } value && value > b ? value : b;
}
