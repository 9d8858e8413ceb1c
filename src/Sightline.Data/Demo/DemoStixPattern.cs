using System.Text.RegularExpressions;
using Sightline.Data.Entities;

namespace Sightline.Data.Demo;

/// <summary>What a STIX indicator pattern points at: a host (hostname or IP) or an unclassified value.</summary>
internal sealed record DemoArtifact(ArtifactType Type, string Value, string? Kind);

/// <summary>Reads the first comparison of a STIX 2 pattern such as <c>[domain-name:value = 'example.com']</c>.</summary>
internal static partial class DemoStixPattern
{
    public static DemoArtifact? Parse(string pattern)
    {
        var match = Comparison().Match(pattern);
        if (!match.Success)
        {
            return null;
        }

        var type = match.Groups["type"].Value;
        var path = match.Groups["path"].Value.Trim();
        var value = match.Groups["value"].Value.Replace("\\\\", "\\", StringComparison.Ordinal).Replace("\\'", "'", StringComparison.Ordinal);
        var exact = string.Equals(match.Groups["op"].Value, "=", StringComparison.Ordinal);
        if (value.Length == 0)
        {
            return null;
        }

        var isValue = exact && string.Equals(path, "value", StringComparison.Ordinal);
        var host = (type, isValue) switch
        {
            ("domain-name", true) or ("ipv4-addr", true) or ("ipv6-addr", true) => AsHost(value),
            ("url", true) => UrlHost(value),
            _ => null,
        };
        if (host is not null)
        {
            return host;
        }

        return new DemoArtifact(ArtifactType.Unclassified, value, KindOf(type, path));
    }

    private static string KindOf(string type, string path)
    {
        if (string.Equals(type, "file", StringComparison.Ordinal) && path.StartsWith("hashes.", StringComparison.Ordinal))
        {
            return path["hashes.".Length..].Trim('\'').Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
        }

        return string.Equals(path, "value", StringComparison.Ordinal) ? type : type + ":" + path;
    }

    private static DemoArtifact? UrlHost(string url)
    {
        var text = url.Contains("://", StringComparison.Ordinal) ? url : "http://" + url;
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) ? AsHost(uri.Host.Trim('[', ']')) : null;
    }

    private static DemoArtifact? AsHost(string value)
    {
        var host = value.Trim().TrimEnd('.').ToLowerInvariant();
        if (DemoBuilder.KindOf(host) == HostKind.IpAddress)
        {
            return new DemoArtifact(ArtifactType.IpAddress, host, null);
        }

        return Hostname().IsMatch(host) ? new DemoArtifact(ArtifactType.Hostname, host, null) : null;
    }

    [GeneratedRegex(@"(?<type>[a-z0-9-]+):(?<path>[^=<>!]+?)\s*(?<op>=|LIKE|MATCHES)\s*'(?<value>(?:[^'\\]|\\.)*)'", RegexOptions.CultureInvariant)]
    private static partial Regex Comparison();

    [GeneratedRegex(@"^(?=.{4,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{1,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex Hostname();
}
