using System.Globalization;
using Sightline.Data.Entities;
using Sightline.Parsers.Common;
using Sightline.Parsers.X509;

namespace Sightline.Data.Ingestion;

/// <summary>A certificate from a file, with where and when the import settings say it was seen.</summary>
internal sealed record CertificateFileRecord(CertificateRecord Certificate, string? Host, int? Port, DateTimeOffset? Seen);

/// <summary>
/// X.509 certificate files (PEM, any number of blocks, or DER) into <see cref="SslCertificate"/> rows. With the
/// settings <c>host</c> (and <c>seen</c>, required with it, and optionally <c>port</c>) each certificate is also
/// linked to that host (<see cref="HostSslCertificate"/>); without a host the certificate is stored alone, and
/// its first and last seen stay empty unless <c>seen</c> is given, since a file says nothing about when it was
/// served (its validity start is not an observation).
/// </summary>
internal sealed class X509Importer : BatchImporter<CertificateFileRecord>
{
    private const string PemCertificate = "-----BEGIN CERTIFICATE-----";

    public override string Format => "x509";

    // JSON lines and XML can carry PEM text too (sightings, nmap ssl-cert): those belong to their own formats.
    public override bool Recognises(string extension, string head) =>
        extension is ".crt" or ".cer" or ".der"
        || (!head.StartsWith('{') && !head.StartsWith('<') && head.Contains(PemCertificate, StringComparison.Ordinal));

    protected override IEnumerable<Parsed<CertificateFileRecord>> Parse(Stream input, ImportContext context)
    {
        if (Where(context, out var error) is not { } where)
        {
            return [Parsed<CertificateFileRecord>.Fail(0, error!)];
        }
        return CertificateParser.Parse(input).Select(item => item.IsError
            ? Parsed<CertificateFileRecord>.Fail(item.Position, item.Error!)
            : Parsed<CertificateFileRecord>.Ok(item.Position, new CertificateFileRecord(item.Record!, where.Host, where.Port, where.Seen)));
    }

    protected override string Fingerprint(CertificateFileRecord r) => string.Join('\t',
        r.Certificate.Sha1, r.Host ?? "", r.Port?.ToString(CultureInfo.InvariantCulture) ?? "",
        r.Seen?.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) ?? "");

    protected override async Task<BatchResult> StoreAsync(SightlineDb db, IReadOnlyList<CertificateFileRecord> batch, CancellationToken cancellationToken)
    {
        var certificates = new CertificateUpserter();
        var hosts = new HostUpserter();
        var rows = new MergeCount();
        foreach (var r in batch)
        {
            if (r.Host is { } host && r.Seen is { } seen)
            {
                certificates.Link(host, r.Port, r.Certificate, seen, seen);
                hosts.See(host, seen, seen);
                rows.Record(CertificateUpserter.LinkId(host, r.Certificate));
            }
            else
            {
                certificates.See(r.Certificate, r.Seen, r.Seen);
                rows.Record(CertificateUpserter.CertificateId(r.Certificate));
            }
        }
        var stored = await certificates.ApplyAsync(db, cancellationToken);
        await hosts.ApplyAsync(db, cancellationToken);
        return new BatchResult(batch.Count, rows.Merged(stored), 0);
    }

    /// <summary>Reads and checks the settings; null (with the reason) when they contradict or cannot be read.</summary>
    private static (string? Host, int? Port, DateTimeOffset? Seen)? Where(ImportContext context, out string? error)
    {
        var seen = ImportSettings.Seen(context, out error);
        if (error is not null)
        {
            return null;
        }
        var host = ImportSettings.Host(context, out error);
        if (error is not null)
        {
            return null;
        }
        var port = ImportSettings.Port(context, out error);
        if (error is not null)
        {
            return null;
        }
        error = (host, port, seen) switch
        {
            (not null, _, null) => "setting 'seen' (when the host served the certificate, ISO 8601) is required with 'host'",
            (null, not null, _) => "setting 'port' needs the setting 'host' it belongs to",
            _ => null,
        };
        return error is null ? (host, port, seen) : null;
    }
}
