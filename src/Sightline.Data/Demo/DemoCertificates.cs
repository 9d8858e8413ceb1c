using Sightline.Data.Entities;

namespace Sightline.Data.Demo;

/// <summary>Synthetic TLS certificates (hash-derived SHA-1, SHA-256 and serial) and where they were seen.</summary>
internal static class DemoCertificates
{
    private sealed record Issuer(string CommonName, string Organization, string Country);

    private static readonly Issuer[] _issuers =
    [
        new("DigiCert Global G2 TLS RSA SHA256 2020 CA1", "DigiCert Inc", "US"),
        new("R11", "Let's Encrypt", "US"),
        new("Sectigo RSA Domain Validation Secure Server CA", "Sectigo Limited", "GB"),
    ];

    public static string Sha1(string key) => DemoHash.Hex("sha1:" + key, 40);

    public static string CurrentCertificateId(string domain) => GraphIds.Compose(Sha1(domain + ":current"));

    /// <summary>Three generations of certificates: the current one (two ports), the previous and an old one.</summary>
    public static void AddShowcase(DemoBuilder b, ShowcaseSpec spec)
    {
        var d = spec.Domain;
        var issuer = _issuers[spec.Registrar % _issuers.Length];
        var current = Make(b, d + ":current", d, issuer, DemoBuilder.DaysAgo(40), 90, 30);
        var previous = Make(b, d + ":previous", d, issuer, DemoBuilder.DaysAgo(130), 90, 30);
        var old = Make(b, d + ":old", d, _issuers[2], DemoBuilder.DaysAgo(520), 365, 30);
        foreach (var host in new[] { d, spec.Ip })
        {
            Link(b, host, current, 443, 8443);
            Link(b, host, previous, 443);
        }

        Link(b, d, old, 443);
        Link(b, "www." + d, current, 443);
    }

    /// <summary>A self-signed certificate with OpenSSL's default organisation, on port 443 of the host and its IP.</summary>
    public static void AddSelfSigned(DemoBuilder b, string hostname, string ip)
    {
        var issue = DemoBuilder.DaysAgo(DemoHash.Range(hostname + "selfsigned", 20, 200));
        var certificate = Build(hostname + ":selfsigned", hostname, new Issuer(hostname, "Internet Widgits Pty Ltd", "AU"), issue, 3650, 0);
        certificate.Subject.OrganizationName = "Internet Widgits Pty Ltd";
        certificate.Subject.CountryOrRegion = "AU";
        certificate.Subject.State = "Some-State";
        certificate.Issuer.State = "Some-State";
        b.AddCertificate(certificate);
        Link(b, hostname, certificate, 443);
        Link(b, ip, certificate, 443);
    }

    private static SslCertificate Make(DemoBuilder b, string key, string domain, Issuer issuer, DateTimeOffset issued, int days, int maxAlternates)
    {
        var certificate = Build(key, domain, issuer, issued, days, maxAlternates);
        b.AddCertificate(certificate);
        return certificate;
    }

    private static SslCertificate Build(string key, string domain, Issuer issuer, DateTimeOffset issued, int days, int maxAlternates)
    {
        var sha1 = Sha1(key);
        var expires = issued.AddDays(days);
        var lastSeen = expires < DemoBuilder.DaysAgo(1) ? expires.AddDays(-1) : DemoBuilder.DaysAgo(1);
        List<string> alternates = maxAlternates == 0
            ? [domain]
            : [domain, "*." + domain, .. DemoShowcase.SubdomainLabels.Take(3).Select(l => l + "." + domain)];
        return new SslCertificate
        {
            Id = GraphIds.Compose(sha1),
            Sha1 = sha1,
            Fingerprint = Fingerprint(key),
            SerialNumber = DemoHash.Serial("serial:" + key),
            IssueDateTime = issued,
            ExpirationDateTime = expires,
            FirstSeenDateTime = issued.AddHours(DemoHash.Range(key + "seen", 2, 60)),
            LastSeenDateTime = lastSeen,
            Issuer = new CertificateParty
            {
                CommonName = issuer.CommonName,
                OrganizationName = issuer.Organization,
                CountryOrRegion = issuer.Country,
            },
            Subject = new CertificateParty
            {
                CommonName = domain,
                AlternateNames = alternates,
            },
        };
    }

    /// <summary>The SHA-256 fingerprint the way certificate viewers show it: upper-case hex pairs joined by colons.</summary>
    private static string Fingerprint(string key)
    {
        var hex = DemoHash.Hex("sha256:" + key).ToUpperInvariant();
        return string.Join(':', Enumerable.Range(0, hex.Length / 2).Select(i => hex.Substring(i * 2, 2)));
    }

    private static void Link(DemoBuilder b, string host, SslCertificate certificate, params int[] ports)
    {
        var id = GraphIds.Compose(host, certificate.Sha1);
        if (!b.HasHost(host) || !b.Claim("hostcert", id))
        {
            return;
        }

        var first = certificate.FirstSeenDateTime!.Value;
        var last = certificate.LastSeenDateTime!.Value;
        b.Add(new HostSslCertificate
        {
            HostId = host,
            Id = id,
            SslCertificateId = certificate.Id,
            FirstSeenDateTime = first,
            LastSeenDateTime = last,
            Ports = [.. ports.Select(p => new CertificatePort { Port = p, FirstSeenDateTime = first, LastSeenDateTime = last })],
        });
    }
}
