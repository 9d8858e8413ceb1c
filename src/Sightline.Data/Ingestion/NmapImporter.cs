using System.Globalization;
using Sightline.Data.Entities;
using Sightline.Parsers.Common;
using Sightline.Parsers.Nmap;
using Sightline.Parsers.Recog;
using Sightline.Parsers.X509;

namespace Sightline.Data.Ingestion;

/// <summary>One port of one nmap host, with its time fixed and the ssl-cert script's certificate decoded.</summary>
internal sealed record NmapImportRecord(NmapPortObservation Observation, DateTimeOffset ScanStart, DateTimeOffset ScanEnd, CertificateRecord? Certificate);

/// <summary>
/// nmap XML (<c>-oX</c>) into <see cref="HostPort"/> rows with their banners and services, the
/// <see cref="HostComponent"/> each identified service describes (recog first, nmap's own version detection
/// second), and the certificate the ssl-cert script printed (<see cref="SslCertificate"/> and
/// <see cref="HostSslCertificate"/> on that port). The scanned address and the names nmap gave it become hosts;
/// no passive DNS is derived from those names, since nmap's PTR and user-given names are not resolutions it saw.
/// The ports, services and certificates are recorded on the address and also on the name the scan was aimed at
/// (<c>hostname type="user"</c>), since that name answered on them.
/// A host without scan times takes the setting <c>seen</c>, or is rejected: times are never invented.
/// </summary>
internal sealed class NmapImporter : BatchImporter<NmapImportRecord>
{
    public override string Format => "nmap";

    public override bool Recognises(string extension, string head) =>
        head.StartsWith('<') && (head.Contains("<nmaprun", StringComparison.Ordinal) || head.Contains("<!DOCTYPE nmaprun", StringComparison.Ordinal));

    protected override IEnumerable<Parsed<NmapImportRecord>> Parse(Stream input, ImportContext context)
    {
        var seen = ImportSettings.Seen(context, out var error);
        return error is not null
            ? [Parsed<NmapImportRecord>.Fail(0, error)]
            : NmapXmlParser.Parse(input, RecogMatcher.Default).Select(item => Complete(item, seen));
    }

    private static Parsed<NmapImportRecord> Complete(Parsed<NmapPortObservation> item, DateTimeOffset? seen)
    {
        if (item.Record is not { } o)
        {
            return Parsed<NmapImportRecord>.Fail(item.Position, item.Error!);
        }
        var where = string.Create(CultureInfo.InvariantCulture, $"{o.Host} port {o.Port}/{o.Protocol}");
        if ((o.ScanStart ?? seen) is not { } start)
        {
            return Parsed<NmapImportRecord>.Fail(item.Position,
                $"{where}: the scan has no time (no host starttime, no nmaprun start); give the setting 'seen'");
        }
        CertificateRecord? certificate = null;
        if (o.CertificatePem is { } pem && (certificate = SightingCertificate.Read(pem, null, out var reason)) is null)
        {
            return Parsed<NmapImportRecord>.Fail(item.Position, $"{where}: the ssl-cert certificate is unreadable: {reason}");
        }
        var end = o.ScanStart is null ? start : o.ScanEnd ?? start;
        return Parsed<NmapImportRecord>.Ok(item.Position, new NmapImportRecord(o, start, end < start ? start : end, certificate));
    }

    protected override string Fingerprint(NmapImportRecord r)
    {
        var o = r.Observation;
        return string.Join('\t',
            o.Host, string.Join(',', o.Hostnames), o.ScannedName ?? "", o.Port.ToString(CultureInfo.InvariantCulture), o.Protocol, o.State, o.Reason ?? "",
            o.ServiceName ?? "", o.Product ?? "", o.Version ?? "", o.ExtraInfo ?? "", string.Join(',', o.Cpes),
            string.Join('\u001f', o.Banners.Select(b => b.ScanProtocol + ":" + b.Text)),
            r.ScanStart.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), r.ScanEnd.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            r.Certificate?.Sha1 ?? "");
    }

    protected override async Task<BatchResult> StoreAsync(SightlineDb db, IReadOnlyList<NmapImportRecord> batch, CancellationToken cancellationToken)
    {
        var ports = new HostPortUpserter();
        var certificates = new CertificateUpserter();
        var hosts = new HostUpserter();
        var rows = new MergeCount();
        foreach (var r in batch)
        {
            var o = r.Observation;
            hosts.See(o.Host, r.ScanStart, r.ScanEnd);
            // nmap passes names through as the resolver or the user gave them; only valid host names become hosts.
            foreach (var name in o.Hostnames.Select(n => HostName.Normalize(n, out _)).OfType<string>())
            {
                hosts.See(name, r.ScanStart, r.ScanEnd);
            }
            if (r.Certificate is { } certificate)
            {
                certificates.Link(o.Host, o.Port, certificate, r.ScanStart, r.ScanEnd);
            }
            rows.Record(ports.See(r));
            // The name the scan targeted answered on these ports too.
            if (o.ScannedName is not null && HostName.Normalize(o.ScannedName, out _) is { } scanned && scanned != o.Host)
            {
                if (r.Certificate is { } named)
                {
                    certificates.Link(scanned, o.Port, named, r.ScanStart, r.ScanEnd);
                }
                rows.Record(ports.See(r with { Observation = o with { Host = scanned } }));
            }
        }
        await certificates.ApplyAsync(db, cancellationToken);
        var stored = await ports.ApplyAsync(db, cancellationToken);
        await hosts.ApplyAsync(db, cancellationToken);
        return new BatchResult(batch.Count, rows.Merged(stored), 0);
    }
}
