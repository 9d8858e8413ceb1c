using System.Globalization;
using Sightline.Data.Entities;

namespace Sightline.Data.Demo;

/// <summary>What crawls and scans saw on a host: components, trackers, cookies and open ports with banners.</summary>
internal static class DemoShowcaseWeb
{
    private const string SshCategory = "Remote Access";

    private static readonly (string Name, string Version)[] _lightServers = [("nginx", "1.24.0"), ("Apache", "2.4.57"), ("LiteSpeed", "")];

    public static void Add(DemoBuilder b, string host, ShowcaseSpec spec)
    {
        var isIp = DemoBuilder.KindOf(host) == HostKind.IpAddress;
        var windows = string.Equals(spec.Server, "Microsoft-IIS", StringComparison.Ordinal);
        var server = Component(b, host, spec.Server, spec.ServerVersion, "Server", 700);
        var ssh = Component(b, host, "OpenSSH", windows ? "8.1" : "8.2p1", SshCategory, 650);
        Component(b, host, windows ? "Windows Server" : "Ubuntu", windows ? "2019" : "20.04", "Operating System", 650);
        if (!isIp)
        {
            Component(b, host, "jQuery", "3.5.1", "JavaScript Library", 400);
            Component(b, host, "Bootstrap", "4.6.0", "UI Framework", 400);
            Component(b, host, "Google Analytics", "", "Analytics", 300);
            if (windows)
            {
                Component(b, host, "ASP.NET", "4.0.30319", "Web Framework", 500);
            }

            AddTrackers(b, host);
            AddCookies(b, host, spec.Server);
        }

        Tracker(b, host, "JarmHash", DemoHash.Hex("jarm" + spec.Domain, 62), 300);
        var certificate = DemoCertificates.CurrentCertificateId(spec.Domain);
        var sshBanner = windows ? "SSH-2.0-OpenSSH_for_Windows_8.1" : "SSH-2.0-OpenSSH_8.2p1 Ubuntu-4ubuntu0.5";
        Port(b, host, 22, ssh, (sshBanner, "ssh"), null);
        Port(b, host, 80, server, (HttpBanner(host, spec, redirect: true), "http_raw"), null);
        Port(b, host, 443, server, (HttpBanner(host, spec, redirect: false), "https_raw"), certificate);
        Port(b, host, 8443, server, (HttpBanner(host, spec, redirect: false), "https_raw"), certificate);
    }

    /// <summary>A lightly described host: one web server component and port 80.</summary>
    public static void AddLight(DemoBuilder b, string ip, string hostname)
    {
        var (name, version) = DemoHash.Pick(hostname + "server", _lightServers);
        var server = Component(b, ip, name, version, "Server", DemoHash.Range(ip + "server", 30, 400));
        var header = version.Length == 0 ? name : name + "/" + version;
        var banner = $"HTTP/1.1 200 OK\r\nServer: {header}\r\nContent-Type: text/html; charset=UTF-8\r\nConnection: close\r\n\r\n";
        Port(b, ip, 80, server, (banner, "http_raw"), null);
    }

    private static HostComponent Component(DemoBuilder b, string host, string name, string version, string category, int firstDaysAgo)
    {
        var id = GraphIds.Compose(name, version, category, host);
        var component = new HostComponent
        {
            HostId = host,
            Id = id,
            Name = name,
            Version = version,
            Category = category,
            FirstSeenDateTime = DemoBuilder.DaysAgo(firstDaysAgo + DemoHash.Range(id, 0, 30)),
            LastSeenDateTime = DemoBuilder.DaysAgo(DemoHash.Range(id + "last", 1, 6)),
        };
        if (b.Claim("component", id))
        {
            b.Add(component);
        }

        return component;
    }

    private static void AddTrackers(DemoBuilder b, string host)
    {
        var digits = DemoHash.Range(host + "ua", 1000000, 9999999).ToString(CultureInfo.InvariantCulture);
        Tracker(b, host, "GoogleAnalyticsID", "UA-" + digits + "-1", 700);
        Tracker(b, host, "GoogleAnalyticsID", "G-" + DemoHash.Hex(host + "ga4", 10).ToUpperInvariant(), 250);
        Tracker(b, host, "GoogleTagManagerId", "GTM-" + DemoHash.Hex(host + "gtm", 7).ToUpperInvariant(), 400);
        Tracker(b, host, "MicrosoftClarityId", DemoHash.Hex(host + "clarity", 10), 120);
    }

    private static void Tracker(DemoBuilder b, string host, string kind, string value, int firstDaysAgo)
    {
        var id = GraphIds.Compose(value, kind, host);
        if (b.Claim("tracker", id))
        {
            b.Add(new HostTracker
            {
                HostId = host,
                Id = id,
                Kind = kind,
                Value = value,
                FirstSeenDateTime = DemoBuilder.DaysAgo(firstDaysAgo),
                LastSeenDateTime = DemoBuilder.DaysAgo(DemoHash.Range(id, 1, 5)),
            });
        }
    }

    private static void AddCookies(DemoBuilder b, string host, string server)
    {
        string[] names = server switch
        {
            "Microsoft-IIS" => ["ASP.NET_SessionId", "ARRAffinity", "_ga"],
            "nginx" => ["cdn_region", "__cf_bm", "_ga"],
            _ => ["PHPSESSID", "wordpress_test_cookie", "_ga"],
        };
        foreach (var name in names)
        {
            var domain = name.StartsWith('_') ? "." + host : host;
            var id = GraphIds.Compose(host, name, domain);
            if (b.Claim("cookie", id))
            {
                b.Add(new HostCookie
                {
                    HostId = host,
                    Id = id,
                    Name = name,
                    Domain = domain,
                    FirstSeenDateTime = DemoBuilder.DaysAgo(DemoHash.Range(id, 100, 600)),
                    LastSeenDateTime = DemoBuilder.DaysAgo(DemoHash.Range(id + "last", 1, 10)),
                });
            }
        }
    }

    private static string HttpBanner(string host, ShowcaseSpec spec, bool redirect)
    {
        var server = spec.Server + "/" + spec.ServerVersion + (string.Equals(spec.Server, "Microsoft-IIS", StringComparison.Ordinal) ? "" : " (Ubuntu)");
        return redirect
            ? $"HTTP/1.1 301 Moved Permanently\r\nServer: {server}\r\nLocation: https://{spec.Domain}/\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            : $"HTTP/1.1 200 OK\r\nServer: {server}\r\nContent-Type: text/html; charset=utf-8\r\nStrict-Transport-Security: max-age=31536000\r\nX-Frame-Options: SAMEORIGIN\r\nSet-Cookie: session={DemoHash.Hex(host + "cookie", 16)}; Path=/; Secure; HttpOnly\r\n\r\n";
    }

    private static void Port(DemoBuilder b, string host, int port, HostComponent component, (string Text, string Protocol) banner, string? certificateId)
    {
        var id = GraphIds.Compose(host, port.ToString(CultureInfo.InvariantCulture));
        if (!b.Claim("port", id))
        {
            return;
        }

        var first = DemoBuilder.DaysAgo(DemoHash.Range(id, 200, 600));
        var last = DemoBuilder.DaysAgo(DemoHash.Range(id + "last", 1, 4));
        var times = DemoHash.Range(id + "times", 12, 400);
        b.Add(new HostPort
        {
            HostId = host,
            Id = id,
            Port = port,
            Protocol = PortProtocol.Tcp,
            Status = PortStatus.Open,
            TimesObserved = times,
            FirstSeenDateTime = first,
            LastSeenDateTime = last,
            LastScanDateTime = last,
            MostRecentSslCertificateId = certificateId,
            Banners =
            [
                new PortBanner { Banner = banner.Text, ScanProtocol = banner.Protocol, TimesObserved = times, FirstSeenDateTime = first, LastSeenDateTime = last },
            ],
            Services =
            [
                new PortService
                {
                    ComponentId = component.Id,
                    Name = component.Name,
                    Version = component.Version,
                    Category = component.Category,
                    IsRecent = true,
                    FirstSeenDateTime = first,
                    LastSeenDateTime = last,
                },
            ],
        });
    }
}
