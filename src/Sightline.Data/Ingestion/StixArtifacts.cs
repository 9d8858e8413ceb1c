using System.Text.RegularExpressions;
using Sightline.Data.Entities;
using Sightline.Parsers.Stix;

namespace Sightline.Data.Ingestion;

/// <summary>What an indicator points at: a host (hostname or IP) or an unclassified value such as a file hash.</summary>
internal sealed record StixArtifact(ArtifactType Type, string Value, string? Kind)
{
    public bool IsHost => Type != ArtifactType.Unclassified;

    /// <summary>The host id for hosts; Graph forms an unclassified artifact's id from its value.</summary>
    public string ArtifactId => IsHost ? Value : GraphIds.Compose(Value);

    /// <summary>Graph forms article indicator ids from the artifact's value (the demo's rule).</summary>
    public string IndicatorId => GraphIds.Compose(Value);
}

/// <summary>
/// Turns the equality observables the parser found in an indicator's pattern into artifacts,: the value of a domain name, IPv4/IPv6 address or URL (its host) is a host,
/// lower-cased and without trailing dot, when it is a valid name or address; anything else (file hashes, e-mail
/// addresses, registry keys, command lines...) is unclassified, its kind the hash name (<c>sha256</c>) or the
/// object type, with the property path when that is not <c>value</c>.
/// </summary>
internal static partial class StixArtifacts
{
    public static IReadOnlyList<StixArtifact> Of(StixIndicator indicator) =>
        indicator.Observables.Select(Map).OfType<StixArtifact>().DistinctBy(a => a.Value, StringComparer.Ordinal).ToList();

    private static StixArtifact? Map(StixObservable observable)
    {
        var value = observable.Value;
        if (value.Length == 0)
        {
            return null;
        }
        var isValue = string.Equals(observable.Property, "value", StringComparison.Ordinal);
        var host = (observable.ObjectType, isValue) switch
        {
            ("domain-name", true) or ("ipv4-addr", true) or ("ipv6-addr", true) => AsHost(value),
            ("url", true) => UrlHost(value),
            _ => null,
        };
        return host ?? new StixArtifact(ArtifactType.Unclassified, value, KindOf(observable.ObjectType, observable.Property));
    }

    private static string KindOf(string type, string path)
    {
        if (string.Equals(type, "file", StringComparison.Ordinal) && path.StartsWith("hashes.", StringComparison.Ordinal))
        {
            return path["hashes.".Length..].Trim('\'').Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
        }
        return string.Equals(path, "value", StringComparison.Ordinal) ? type : type + ":" + path;
    }

    private static StixArtifact? UrlHost(string url)
    {
        var text = url.Contains("://", StringComparison.Ordinal) ? url : "http://" + url;
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) ? AsHost(uri.Host.Trim('[', ']')) : null;
    }

    private static StixArtifact? AsHost(string value)
    {
        var host = value.Trim().TrimEnd('.').ToLowerInvariant();
        if (System.Net.IPAddress.TryParse(host, out _))
        {
            return new StixArtifact(ArtifactType.IpAddress, host, null);
        }
        return Hostname().IsMatch(host) ? new StixArtifact(ArtifactType.Hostname, host, null) : null;
    }

    // The demo's host name rule, so the same indicator becomes the same artifact either way.
    [GeneratedRegex(@"^(?=.{4,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{1,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex Hostname();
}
