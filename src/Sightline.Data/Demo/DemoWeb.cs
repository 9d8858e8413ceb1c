using System.Globalization;

namespace Sightline.Data.Demo;

/// <summary>A web site the demo crawler visits at each of <paramref name="Crawls"/> (written as HAR).</summary>
internal sealed record DemoSite(string Host, ShowcaseSpec Spec, IReadOnlyList<DateTimeOffset> Crawls);

/// <summary>One open TCP port as nmap's service detection and scripts report it.</summary>
internal sealed record DemoScanPort(int Port, string Service, bool Tls, string? Banner, string? Headers, string? Pem);

/// <summary>One nmap host: the address, the name the scan was aimed at (if any), when, and its open ports.</summary>
internal sealed record DemoScan(string Address, string? Name, DateTimeOffset Start, IReadOnlyList<DemoScanPort> Ports);

/// <summary>What crawls and scans see on the synthetic hosts: web technologies, trackers, cookies, ports, banners.</summary>
internal static class DemoWeb
{
    private static readonly (string Name, string Version)[] _lightServers = [("nginx", "1.24.0"), ("Apache", "2.4.57"), ("LiteSpeed", "")];

    /// <summary>The showcase site, crawled three times over its life.</summary>
    public static void AddShowcaseSite(DemoBuilder b, ShowcaseSpec spec)
    {
        var first = DemoHash.Range(spec.Domain + "crawl", 500, 650);
        b.Sites.Add(new DemoSite(spec.Domain, spec, [DemoBuilder.DaysAgo(first), DemoBuilder.DaysAgo(first / 2), DemoBuilder.DaysAgo(2)]));
    }

    /// <summary>The showcase address, scanned by name (so the ports belong to the domain too) twice.</summary>
    public static void AddShowcaseScans(DemoBuilder b, ShowcaseSpec spec)
    {
        var windows = IsIis(spec);
        var ssh = windows ? "SSH-2.0-OpenSSH_for_Windows_8.1" : "SSH-2.0-OpenSSH_8.2p1 Ubuntu-4ubuntu0.5";
        var pem = DemoCertificates.CurrentPem(spec);
        DemoScanPort[] ports =
        [
            new(22, "ssh", false, ssh, null, null),
            new(80, "http", false, null, Headers(spec, redirect: true), null),
            new(443, "http", true, null, Headers(spec, redirect: false), pem),
            new(8443, "http", true, null, Headers(spec, redirect: false), pem),
        ];
        foreach (var days in new[] { DemoHash.Range(spec.Domain + "scan", 30, 38), 2 })
        {
            b.Scans.Add(new DemoScan(spec.Ip, spec.Domain, DemoBuilder.DaysAgo(days), ports));
        }
    }

    /// <summary>A lightly described address: a web server on port 80, scanned when first and last seen.</summary>
    public static void AddLightScan(DemoBuilder b, string ip, string hostname, int firstDaysAgo)
    {
        var (name, version) = DemoHash.Pick(hostname + "server", _lightServers);
        var header = version.Length == 0 ? name : name + "/" + version;
        var headers = $"Server: {header}\nContent-Type: text/html; charset=UTF-8\nConnection: close";
        DemoScanPort[] ports = [new(80, "http", false, null, headers, null)];
        var first = Math.Min(firstDaysAgo, DemoHash.Range(ip + "scan", 30, 400));
        b.Scans.Add(new DemoScan(ip, null, DemoBuilder.DaysAgo(first), ports));
        b.Scans.Add(new DemoScan(ip, null, DemoBuilder.DaysAgo(DemoHash.Range(ip + "rescan", 1, 9)), ports));
    }

    public static bool IsIis(ShowcaseSpec spec) => string.Equals(spec.Server, "Microsoft-IIS", StringComparison.Ordinal);

    /// <summary>The Server header value, as the showcase's web server writes it.</summary>
    public static string ServerHeader(ShowcaseSpec spec) =>
        spec.Server + "/" + spec.ServerVersion + (IsIis(spec) || spec.Server == "nginx" ? "" : " (Ubuntu)");

    /// <summary>Response headers as nmap's http-headers script prints them (one per line).</summary>
    private static string Headers(ShowcaseSpec spec, bool redirect) => redirect
        ? $"Server: {ServerHeader(spec)}\nLocation: https://{spec.Domain}/\nContent-Length: 0\nConnection: close"
        : string.Create(CultureInfo.InvariantCulture,
            $"Server: {ServerHeader(spec)}\nContent-Type: text/html; charset=utf-8\nStrict-Transport-Security: max-age=31536000\nX-Frame-Options: SAMEORIGIN\nConnection: close");
}
