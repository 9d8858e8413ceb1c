using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Sightline.Parsers.Dns;

namespace Sightline.Parsers.Articles;

/// <summary>
/// Finds indicators of compromise in prose, tables and code: domains, IPv4 and IPv6 addresses, URLs, email
/// addresses, MD5/SHA-1/SHA-256 hashes and CVE ids, after refanging. Each is yielded once, in order of first
/// appearance. A URL or email also yields its host; text inside a URL or email is not searched again.
/// </summary>
/// <remarks>
/// A bare (not defanged, not in a URL or email) dotted word counts as a domain only when its top-level label is on
/// the Public Suffix List and written in lower case (so <c>System.IO</c>, <c>ASP.NET</c>, <c>setup.exe</c>,
/// <c>e.g.</c> and <c>example.invalid</c> are not domains), and that label is not one that is mostly a file
/// extension in security writing (<c>invoice.zip</c>, <c>setup.py</c>, <c>notes.one</c>). Defanging says the author
/// meant an indicator, so <c>invoice[.]zip</c> is a domain.
/// </remarks>
internal static class IndicatorExtractor
{
    private static readonly HashSet<string> _fileExtensionTlds =
        new(["cab", "java", "md", "mov", "one", "pub", "py", "rs", "sh", "so", "zip"], StringComparer.Ordinal);

    public static IReadOnlyList<ExtractedIndicator> Extract(string? text) => Extract(text, PublicSuffixList.Default);

    public static IReadOnlyList<ExtractedIndicator> Extract(string? text, PublicSuffixList suffixes)
    {
        ArgumentNullException.ThrowIfNull(suffixes);
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }
        var scan = new Scan(Refanger.Refang(text, out var rewritten), rewritten, suffixes);
        scan.Urls();
        scan.Emails();
        scan.Addresses();
        scan.Domains();
        scan.HashesAndCves();
        return scan.Results();
    }

    /// <summary>One pass over one text: matches found so far, and which characters they already claim.</summary>
    private sealed class Scan(string text, List<(int Start, int End)> rewritten, PublicSuffixList suffixes)
    {
        private readonly bool[] _claimed = new bool[text.Length];
        private readonly List<(int Position, int Order, ExtractedIndicator Indicator)> _found = [];

        public void Urls()
        {
            foreach (Match match in IndicatorPatterns.Url().Matches(text))
            {
                var raw = UrlText.TrimTrailing(match.Value);
                if (UrlText.Normalize(raw) is not { } url)
                {
                    continue;
                }
                Add(match.Index, IndicatorKinds.Url, url.Value);
                AddHost(match.Index, url.Host, url.HostIsIp);
                Claim(match.Index, raw.Length);
            }
        }

        public void Emails()
        {
            // The pattern cannot be anchored on '@', so it costs a scan per character; most articles have no email.
            if (!text.Contains('@', StringComparison.Ordinal))
            {
                return;
            }
            foreach (Match match in IndicatorPatterns.Email().Matches(text))
            {
                if (IsClaimed(match) || DomainOf(match.Groups["host"].Value, lenient: true) is not { } host)
                {
                    continue;
                }
                Add(match.Index, IndicatorKinds.Email, (match.Groups["local"].Value + "@" + host).ToLowerInvariant());
                Add(match.Index, IndicatorKinds.Domain, host);
                Claim(match.Index, match.Length);
            }
        }

        public void Addresses()
        {
            var ipv6 = text.Contains("::", StringComparison.Ordinal) || text.Count(':') >= 7
                ? IndicatorPatterns.IPv6().Matches(text)
                : null;
            foreach (Match match in ipv6 ?? Enumerable.Empty<Match>())
            {
                if (!IsClaimed(match) && match.Value != "::" && IPAddress.TryParse(match.Value, out var address)
                    && address.AddressFamily == AddressFamily.InterNetworkV6)
                {
                    Add(match.Index, IndicatorKinds.IPv6, address.ToString());
                    Claim(match.Index, match.Length);
                }
            }
            foreach (Match match in IndicatorPatterns.IPv4().Matches(text))
            {
                var before = text.AsSpan(Math.Max(0, match.Index - 12), Math.Min(12, match.Index));
                if (!IsClaimed(match) && !IndicatorPatterns.VersionPrefix().IsMatch(before))
                {
                    Add(match.Index, IndicatorKinds.IPv4, match.Value);
                }
            }
        }

        public void Domains()
        {
            foreach (Match match in IndicatorPatterns.Domain().Matches(text))
            {
                if (!IsClaimed(match) && DomainOf(match.Value, lenient: IsRewritten(match)) is { } host)
                {
                    Add(match.Index, IndicatorKinds.Domain, host);
                }
            }
        }

        public void HashesAndCves()
        {
            foreach (Match match in IndicatorPatterns.Hash().Matches(text))
            {
                // An all-digit run is a number (an id, a phone), not a hash; real hashes of this length have letters.
                if (!IsClaimed(match) && match.ValueSpan.ContainsAnyInRange('A', 'f'))
                {
                    var kind = match.Length switch { 32 => IndicatorKinds.Md5, 40 => IndicatorKinds.Sha1, _ => IndicatorKinds.Sha256 };
                    Add(match.Index, kind, match.Value.ToLowerInvariant());
                }
            }
            foreach (Match match in IndicatorPatterns.Cve().Matches(text))
            {
                if (!IsClaimed(match))
                {
                    Add(match.Index, IndicatorKinds.Cve, $"CVE-{match.Groups["year"].Value}-{match.Groups["number"].Value}");
                }
            }
        }

        public IReadOnlyList<ExtractedIndicator> Results()
        {
            var seen = new HashSet<ExtractedIndicator>();
            return _found
                .OrderBy(f => f.Position)
                .ThenBy(f => f.Order)
                .Select(f => f.Indicator)
                .Where(seen.Add)
                .ToList();
        }

        private void AddHost(int position, string host, bool isIp)
        {
            if (isIp)
            {
                Add(position, host.Contains(':', StringComparison.Ordinal) ? IndicatorKinds.IPv6 : IndicatorKinds.IPv4, host);
            }
            else if (DomainOf(host, lenient: true) is { } domain)
            {
                Add(position, IndicatorKinds.Domain, domain);
            }
        }

        /// <summary>The normalised domain, or null when the candidate is not a name on the Internet (see the remarks).</summary>
        private string? DomainOf(string candidate, bool lenient)
        {
            if (HostNames.Normalize(candidate, out var isIp) is not { } name || isIp
                || !suffixes.HasListedTopLevelDomain(name) || suffixes.RegistrableDomainStart(name) < 0)
            {
                return null;
            }
            if (lenient)
            {
                return name;
            }
            var writtenTld = candidate[(candidate.LastIndexOf('.') + 1)..];
            var tld = name[(name.LastIndexOf('.') + 1)..];
            return writtenTld.Any(char.IsUpper) || _fileExtensionTlds.Contains(tld) ? null : name;
        }

        private void Add(int position, string kind, string value) =>
            _found.Add((position, _found.Count, new ExtractedIndicator(kind, value)));

        private void Claim(int start, int length) => Array.Fill(_claimed, true, start, length);

        private bool IsClaimed(Match match) => Array.IndexOf(_claimed, true, match.Index, match.Length) >= 0;

        private bool IsRewritten(Match match) =>
            rewritten.Exists(r => r.Start < match.Index + match.Length && match.Index < r.End);
    }
}
