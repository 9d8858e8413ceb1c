using System.Globalization;
using System.Text;
using Sightline.Data.Entities;
using Sightline.Parsers.Common;
using Sightline.Parsers.X509;

namespace Sightline.Data.Ingestion;

/// <summary>
/// Certificate sightings (JSON lines: host, port, seen, optional lastSeen, and the certificate as PEM or DER) into
/// <see cref="SslCertificate"/>, <see cref="HostSslCertificate"/> and the hosts. The same certificate seen again on
/// a host widens the link's window and that port's; a new port is added to the link.
/// </summary>
internal sealed class CertificateSightingImporter : BatchImporter<CertificateSightingRecord>
{
    public override string Format => "certsightings";

    public override bool Recognises(string extension, string head) =>
        head.StartsWith('{')
        && head.Contains("\"host\"", StringComparison.Ordinal)
        && head.Contains("\"port\"", StringComparison.Ordinal)
        && (head.Contains("\"pem\"", StringComparison.Ordinal) || head.Contains("\"der\"", StringComparison.Ordinal));

    protected override IEnumerable<Parsed<CertificateSightingRecord>> Parse(Stream input, ImportContext context) =>
        CertificateSightingParser.Parse(new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16));

    protected override string Fingerprint(CertificateSightingRecord r) => string.Join('\t',
        r.Host, r.Port.ToString(CultureInfo.InvariantCulture), r.Certificate.Sha1,
        r.Seen.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        r.LastSeen?.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) ?? "");

    protected override async Task<BatchResult> StoreAsync(SightlineDb db, IReadOnlyList<CertificateSightingRecord> batch, CancellationToken cancellationToken)
    {
        var certificates = new CertificateUpserter();
        var hosts = new HostUpserter();
        var rows = new MergeCount();
        foreach (var r in batch)
        {
            var last = r.LastSeen ?? r.Seen;
            certificates.Link(r.Host, r.Port, r.Certificate, r.Seen, last);
            hosts.See(r.Host, r.Seen, last);
            rows.Record(CertificateUpserter.LinkId(r.Host, r.Certificate));
        }
        var stored = await certificates.ApplyAsync(db, cancellationToken);
        await hosts.ApplyAsync(db, cancellationToken);
        return new BatchResult(batch.Count, rows.Merged(stored), 0);
    }
}
