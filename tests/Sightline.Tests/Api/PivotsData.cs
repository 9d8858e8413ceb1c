using System.Globalization;
using Sightline.Data;
using Sightline.Data.Entities;
using Sightline.Tests.Support;
using Host = Sightline.Data.Entities.Host;

namespace Sightline.Tests.Api;

/// <summary>
/// A store where every pivot value is shared by <see cref="Fanout"/> hosts (three pages of ten) and where other
/// values are near misses (same tracker kind, same component name with another version, the email in another case).
/// </summary>
public static class PivotsData
{
    public const int Fanout = 23;
    public const int Noise = 7;
    public const string Tracker = "G-PIVOT123";
    public const string Cookie = "_pivot_session";
    public const string CookieDomain = ".pivot-ads.example";
    public const string Child = "cdn.pivot.example";
    public const string Answer = "203.0.113.50";
    public const string CertificateSha1 = "0123456789abcdef0123456789abcdef01234567";
    public const string Email = "Owner@Pivot.Example";
    public const string Nameserver = "ns1.pivot-dns.example";
    public const int Asn = 64500;
    public const string Netblock = "198.18.0.0/15";
    public const string Registrar = "Pivot Registrar LLC";
    public const string Registrant = "Pivot Holdings";

    private static readonly DateTimeOffset _t0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static string Name(int i) => $"h{i.ToString("00", CultureInfo.InvariantCulture)}.pivot.example";

    public static string Ip(int i) => $"198.18.0.{i + 1}";

    public static string CertificateId => GraphIds.Compose(CertificateSha1);

    public static async Task SeedAsync(SightlineDb db)
    {
        db.SslCertificates.Add(new SslCertificate { Id = CertificateId, Sha1 = CertificateSha1, Subject = new CertificateParty { CommonName = "pivot.example" } });
        db.SslCertificates.Add(new SslCertificate { Id = GraphIds.Compose("other"), Sha1 = "ffff", Subject = new CertificateParty { CommonName = "other.example" } });
        for (var i = 0; i < Fanout + Noise; i++)
        {
            var hit = i < Fanout;
            string name = Name(i), ip = Ip(i);
            var seen = _t0.AddDays(i);
            db.Hosts.Add(new Host { Id = name, Kind = HostKind.Hostname, Registrar = hit ? Registrar : "Other Registrar", Registrant = hit ? Registrant : "Someone Else" });
            db.Hosts.Add(new Host
            {
                Id = ip, Kind = HostKind.IpAddress, AsNumber = hit ? Asn : 64501, Netblock = hit ? Netblock : "192.0.2.0/24", CountryOrRegion = hit ? "NL" : "DE",
            });
            db.HostTrackers.Add(new HostTracker
            {
                HostId = name, Id = GraphIds.Compose(hit ? Tracker : "G-OTHER" + i, "GoogleAnalyticsID", name), Kind = "GoogleAnalyticsID",
                Value = hit ? Tracker : "G-OTHER" + i, FirstSeenDateTime = seen, LastSeenDateTime = seen,
            });
            var cookie = hit ? Cookie : "other_cookie";
            var domain = hit ? CookieDomain : name;
            db.HostCookies.Add(new HostCookie { HostId = name, Id = GraphIds.Compose(name, cookie, domain), Name = cookie, Domain = domain, FirstSeenDateTime = seen, LastSeenDateTime = seen });
            var version = hit ? "1.18.0" : "1.20.0";
            db.HostComponents.Add(new HostComponent { HostId = ip, Id = GraphIds.Compose("nginx", version, "Web servers", ip), Name = "nginx", Version = version, Category = "Web servers", FirstSeenDateTime = seen, LastSeenDateTime = seen });
            var child = hit ? Child : "cdn" + i + ".other.example";
            db.HostPairs.Add(new HostPair
            {
                ParentHostId = name, Id = GraphIds.Compose("script", name, child, name), ChildHostId = child, LinkKind = "script", FirstSeenDateTime = seen, LastSeenDateTime = seen,
            });
            var answer = hit ? Answer : ip;
            db.PassiveDnsRecords.Add(new PassiveDnsRecord
            {
                ParentHostId = name, Id = GraphIds.Compose(name, answer, "A"), ArtifactId = answer, ArtifactKind = HostKind.IpAddress, RecordType = "A",
                FirstSeenDateTime = seen, LastSeenDateTime = seen, CollectedDateTime = seen,
            });
            var certificate = hit ? CertificateId : GraphIds.Compose("other");
            db.HostSslCertificates.Add(new HostSslCertificate { HostId = name, Id = GraphIds.Compose(name, certificate), SslCertificateId = certificate, FirstSeenDateTime = seen, LastSeenDateTime = seen });
            db.HostPorts.Add(new HostPort { HostId = ip, Id = GraphIds.Compose(ip, hit ? "3389" : "22"), Port = hit ? 3389 : 22, FirstSeenDateTime = seen, LastSeenDateTime = seen });
            db.Subdomains.Add(new Subdomain { ParentHostId = "pivot.example", Id = GraphIds.Compose(name, "pivot.example"), HostId = name, FirstSeenDateTime = seen });
            AddWhois(db, name, i, hit);
        }
        await db.SaveChangesAsync();
    }

    /// <summary>Two versions per domain: the current one names the pivots (the email in varying case), the old one does not.</summary>
    private static void AddWhois(SightlineDb db, string name, int i, bool hit)
    {
        for (var v = 1; v <= 2; v++)
        {
            var current = v == 2;
            var email = hit && current ? (i % 2 == 0 ? Email : Email.ToLowerInvariant()) : $"old{i}@elsewhere.example";
            db.WhoisRecords.Add(new WhoisRecord
            {
                HostId = name, Id = GraphIds.Compose(name, v.ToString(CultureInfo.InvariantCulture)), IsCurrent = current, LastUpdateDateTime = _t0.AddDays(v),
                Registrant = new WhoisContact { Name = "Registrant " + i, Email = email },
                Registrar = new WhoisContact { Name = hit ? Registrar : "Other Registrar" },
                Nameservers = [new WhoisNameserver { HostId = hit ? Nameserver : "ns.elsewhere.example" }, new WhoisNameserver { HostId = "ns2.pivot-dns.example" }],
            });
        }
    }
}

/// <summary>One server holding <see cref="PivotsData"/>, shared by the pivot tests.</summary>
public sealed class PivotsFixture : IAsyncLifetime
{
    public SightlineServer Server { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await SightlineServer.StartAsync(loadDemo: false);
        await using (var db = Server.CreateDb())
        {
            await PivotsData.SeedAsync(db);
        }
        Client = Server.Client();
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

[CollectionDefinition("pivots")]
public sealed class PivotsCollection : ICollectionFixture<PivotsFixture>;
