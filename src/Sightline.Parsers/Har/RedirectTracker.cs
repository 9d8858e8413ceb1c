namespace Sightline.Parsers.Har;

/// <summary>
/// Follows redirect chains across entries (a 3xx entry, then the entry requesting its target, ...) to pair
/// the first host of each chain with the host it finally lands on (<c>finalRedirect</c>).
/// </summary>
internal sealed class RedirectTracker
{
    /// <summary>Bounds memory on crawls whose redirect targets are never fetched.</summary>
    private const int MaxPending = 100_000;

    private readonly Dictionary<string, Chain> _pending = new(StringComparer.Ordinal);

    /// <summary>
    /// Records <paramref name="entry"/>; when it ends a chain that began on another host, returns the
    /// finalRedirect pair. <paramref name="target"/> is where the entry redirects, if it does.
    /// </summary>
    public HarHostPairObservation? Observe(HarEntry entry, Uri? target, long position)
    {
        var chain = _pending.Remove(Key(entry.Url), out var c) ? c : null;
        if (target is not null && HostName.FromUri(target) is { } targetHost)
        {
            if (_pending.Count < MaxPending)
            {
                _pending[Key(target)] = new Chain(chain?.FirstHost ?? entry.Host, targetHost, position, entry.Started);
            }
            return null;
        }
        return chain is not null && chain.FirstHost != entry.Host
            ? new HarHostPairObservation(chain.FirstHost, entry.Host, "finalRedirect", entry.Started)
            : null;
    }

    /// <summary>Chains whose last target was never fetched end at that target's host, seen at the last redirect.</summary>
    public IEnumerable<(long Position, HarHostPairObservation Pair)> Unfinished() =>
        _pending.Values
            .Where(c => c.FirstHost != c.TargetHost)
            .OrderBy(c => c.Position)
            .Select(c => (c.Position, new HarHostPairObservation(c.FirstHost, c.TargetHost, "finalRedirect", c.Seen)));

    private static string Key(Uri url) => url.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped);

    private sealed record Chain(string FirstHost, string TargetHost, long Position, DateTimeOffset Seen);
}
