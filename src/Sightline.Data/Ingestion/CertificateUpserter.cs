using Microsoft.EntityFrameworkCore;
using Sightline.Data.Entities;
using Sightline.Parsers.X509;

namespace Sightline.Data.Ingestion;

/// <summary>
/// Collects the certificates a batch holds and where (host and port) and when they were seen, then adds or merges
/// <see cref="SslCertificate"/> and <see cref="HostSslCertificate"/> rows: the same certificate or host link seen
/// again widens its first and last seen, and each port keeps its own window. Ids follow the demo: a certificate is
/// b64(sha1), a host link b64(host$$sha1). One query per table loads what is stored.
/// </summary>
internal sealed class CertificateUpserter
{
    private readonly Dictionary<string, SslCertificate> _certificates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HostSslCertificate> _links = new(StringComparer.Ordinal);

    public static string CertificateId(CertificateRecord certificate) => GraphIds.Compose(certificate.Sha1);

    public static string LinkId(string host, CertificateRecord certificate) => GraphIds.Compose(host, certificate.Sha1);

    /// <summary>Notes a certificate, seen in the given window (both null when the input says nothing about when).</summary>
    public void See(CertificateRecord certificate, DateTimeOffset? first, DateTimeOffset? last)
    {
        var id = CertificateId(certificate);
        if (_certificates.TryGetValue(id, out var row))
        {
            Widen(row, first, last);
        }
        else
        {
            _certificates[id] = ToEntity(certificate, first, last);
        }
    }

    /// <summary>Notes a certificate served by a host (on a port, when known) between <paramref name="first"/> and <paramref name="last"/>.</summary>
    public void Link(string host, int? port, CertificateRecord certificate, DateTimeOffset first, DateTimeOffset last)
    {
        See(certificate, first, last);
        var id = LinkId(host, certificate);
        if (!_links.TryGetValue(id, out var link))
        {
            link = new HostSslCertificate { HostId = host, Id = id, SslCertificateId = CertificateId(certificate), FirstSeenDateTime = first, LastSeenDateTime = last };
            _links[id] = link;
        }
        MergeInto(link, new HostSslCertificate
        {
            HostId = host, Id = id, SslCertificateId = link.SslCertificateId, FirstSeenDateTime = first, LastSeenDateTime = last,
            Ports = port is { } p ? [new CertificatePort { Port = p, FirstSeenDateTime = first, LastSeenDateTime = last }] : [],
        });
    }

    /// <summary>Adds or merges everything noted; returns the ids (certificates and links) that were stored before.</summary>
    public async Task<HashSet<string>> ApplyAsync(SightlineDb db, CancellationToken cancellationToken)
    {
        var stored = new HashSet<string>(StringComparer.Ordinal);
        var certificateIds = _certificates.Keys.ToList();
        var certificates = certificateIds.Count == 0 ? [] : await db.SslCertificates.AsTracking()
            .Where(c => certificateIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, StringComparer.Ordinal, cancellationToken);
        foreach (var (id, row) in _certificates)
        {
            if (certificates.TryGetValue(id, out var existing))
            {
                Widen(existing, row.FirstSeenDateTime, row.LastSeenDateTime);
                stored.Add(id);
            }
            else
            {
                db.SslCertificates.Add(row);
            }
        }
        var linkIds = _links.Keys.ToList();
        var links = linkIds.Count == 0 ? [] : await db.HostSslCertificates.AsTracking()
            .Where(l => linkIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, StringComparer.Ordinal, cancellationToken);
        foreach (var (id, row) in _links)
        {
            if (links.TryGetValue(id, out var existing))
            {
                MergeInto(existing, row);
                stored.Add(id);
            }
            else
            {
                db.HostSslCertificates.Add(row);
            }
        }
        _certificates.Clear();
        _links.Clear();
        return stored;
    }

    private static void MergeInto(HostSslCertificate target, HostSslCertificate seen)
    {
        target.FirstSeenDateTime = HostUpserter.Min(target.FirstSeenDateTime, seen.FirstSeenDateTime);
        target.LastSeenDateTime = HostUpserter.Max(target.LastSeenDateTime, seen.LastSeenDateTime);
        // A fresh list (rather than edits in place) makes EF rewrite the JSON column whole; sorted by port, the
        // stored document does not depend on the order the sightings came in.
        target.Ports = target.Ports.Concat(seen.Ports)
            .GroupBy(p => p.Port)
            .Select(g => new CertificatePort
            {
                Port = g.Key,
                FirstSeenDateTime = g.Select(p => p.FirstSeenDateTime).Aggregate(HostUpserter.Min),
                LastSeenDateTime = g.Select(p => p.LastSeenDateTime).Aggregate(HostUpserter.Max),
            })
            .OrderBy(p => p.Port)
            .ToList();
    }

    private static void Widen(SslCertificate row, DateTimeOffset? first, DateTimeOffset? last)
    {
        row.FirstSeenDateTime = HostUpserter.Min(row.FirstSeenDateTime, first);
        row.LastSeenDateTime = HostUpserter.Max(row.LastSeenDateTime, last);
    }

    private static SslCertificate ToEntity(CertificateRecord c, DateTimeOffset? first, DateTimeOffset? last) => new()
    {
        Id = CertificateId(c),
        Sha1 = c.Sha1,
        Fingerprint = c.Fingerprint,
        SerialNumber = c.SerialNumber,
        IssueDateTime = c.NotBefore.ToUniversalTime(),
        ExpirationDateTime = c.NotAfter.ToUniversalTime(),
        FirstSeenDateTime = first,
        LastSeenDateTime = last,
        Issuer = Party(c.Issuer, []),
        Subject = Party(c.Subject, c.SubjectAlternativeNames),
    };

    private static CertificateParty Party(CertificateName name, IReadOnlyList<string> alternateNames) => new()
    {
        CommonName = name.CommonName,
        OrganizationName = name.OrganizationName,
        OrganizationUnitName = name.OrganizationUnitName,
        Email = name.Email,
        GivenName = name.GivenName,
        Surname = name.Surname,
        SerialNumber = name.SerialNumber,
        City = name.Locality,
        State = name.State,
        CountryOrRegion = name.Country,
        PostalCode = name.PostalCode,
        Street = name.Street,
        AlternateNames = [.. alternateNames],
    };
}
