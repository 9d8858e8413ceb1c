using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sightline.Data.Entities;
using Sightline.Parsers.Nmap;

namespace Sightline.Data.Ingestion;

/// <summary>A service a scan identified on a port, as a host component describes it.</summary>
internal readonly record struct IdentifiedService(string Name, string Version, string Category);

/// <summary>
/// Merges port observations into <see cref="HostPort"/> rows (id b64(host$$port), as the demo and Graph's examples;
/// a non-TCP port appends its protocol so a UDP port never overwrites the TCP one with the same number) and the
/// <see cref="HostComponent"/> rows their services point at (b64(name$$version$$category$$host)). Each distinct scan
/// of a port counts once in its and its banners' timesObserved; status, protocol and the most recent certificate
/// follow the latest scan; a service is recent when the latest scan identified it. One query per table.
/// </summary>
internal sealed class HostPortUpserter
{
    private readonly Dictionary<string, List<NmapImportRecord>> _observations = new(StringComparer.Ordinal);

    public static string PortId(NmapPortObservation o)
    {
        var port = o.Port.ToString(CultureInfo.InvariantCulture);
        return o.Protocol == "tcp" ? GraphIds.Compose(o.Host, port) : GraphIds.Compose(o.Host, port, o.Protocol);
    }

    public static string ComponentId(IdentifiedService s, string host) => GraphIds.Compose(s.Name, s.Version, s.Category, host);

    /// <summary>recog's identification of a banner first, else nmap's product and version; null when neither names a product.</summary>
    public static IdentifiedService? Identify(NmapPortObservation o)
    {
        if (o.Identified is { } match && (match.Product ?? match.Vendor) is { } name)
        {
            return new IdentifiedService(name, match.Version ?? "", match.Category is { Length: > 0 } category ? category : "Service");
        }
        return o.Product is { } product ? new IdentifiedService(product, o.Version ?? "", "Service") : null;
    }

    /// <summary>Notes one observation; returns the id of the port row it lands in.</summary>
    public string See(NmapImportRecord record)
    {
        var id = PortId(record.Observation);
        if (!_observations.TryGetValue(id, out var list))
        {
            _observations[id] = list = [];
        }
        list.Add(record);
        return id;
    }

    /// <summary>Adds or merges every noted port and component; returns the ids of the ports that were stored before.</summary>
    public async Task<HashSet<string>> ApplyAsync(SightlineDb db, CancellationToken cancellationToken)
    {
        var ids = _observations.Keys.ToList();
        var stored = await db.HostPorts.AsTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, StringComparer.Ordinal, cancellationToken);
        var components = new Dictionary<string, HostComponent>(StringComparer.Ordinal);
        foreach (var (id, observations) in _observations)
        {
            var row = stored.TryGetValue(id, out var existing) ? Detach(existing) : Add(db, id, observations[0].Observation);
            var counted = new ScanLedger(existing);
            foreach (var r in observations.OrderBy(r => r.ScanEnd).ThenBy(r => r.ScanStart))
            {
                var service = Apply(row, r, counted.IsNew(r));
                if (service is { } s)
                {
                    NoteComponent(components, s, r);
                }
            }
            foreach (var s in row.Services)
            {
                s.IsRecent = s.LastSeenDateTime >= row.LastScanDateTime;
            }
        }
        await ApplyComponentsAsync(db, components, cancellationToken);
        _observations.Clear();
        return [.. stored.Keys];
    }

    private static HostPort Add(SightlineDb db, string id, NmapPortObservation o)
    {
        var row = new HostPort { HostId = o.Host, Id = id, Port = o.Port, TimesObserved = 0 };
        db.HostPorts.Add(row);
        return row;
    }

    /// <summary>
    /// Replaces the stored banner and service lists by copies, so EF rewrites those JSON columns whole instead of
    /// tracking edits inside them.
    /// </summary>
    private static HostPort Detach(HostPort row)
    {
        row.Banners = [.. row.Banners.Select(b => new PortBanner
        {
            Banner = b.Banner, ScanProtocol = b.ScanProtocol, TimesObserved = b.TimesObserved, FirstSeenDateTime = b.FirstSeenDateTime, LastSeenDateTime = b.LastSeenDateTime,
        })];
        row.Services = [.. row.Services.Select(s => new PortService
        {
            ComponentId = s.ComponentId, Name = s.Name, Version = s.Version, Category = s.Category, IsRecent = s.IsRecent,
            FirstSeenDateTime = s.FirstSeenDateTime, LastSeenDateTime = s.LastSeenDateTime,
        })];
        return row;
    }

    /// <summary>Merges one observation (taken in scan order) into its port; returns the service it identified.</summary>
    private static IdentifiedService? Apply(HostPort row, NmapImportRecord r, bool newScan)
    {
        var o = r.Observation;
        if (row.LastScanDateTime is not { } latest || r.ScanEnd >= latest)
        {
            row.Protocol = o.Protocol switch { "tcp" => PortProtocol.Tcp, "udp" => PortProtocol.Udp, _ => null };
            row.Status = Status(o.State);
            row.MostRecentSslCertificateId = r.Certificate is { } c ? CertificateUpserter.CertificateId(c) : row.MostRecentSslCertificateId;
        }
        else if (row.MostRecentSslCertificateId is null && r.Certificate is { } older)
        {
            row.MostRecentSslCertificateId = CertificateUpserter.CertificateId(older);
        }
        row.FirstSeenDateTime = HostUpserter.Min(row.FirstSeenDateTime, r.ScanStart);
        row.LastSeenDateTime = HostUpserter.Max(row.LastSeenDateTime, r.ScanEnd);
        row.LastScanDateTime = HostUpserter.Max(row.LastScanDateTime, r.ScanEnd);
        row.TimesObserved = (row.TimesObserved ?? 0) + (newScan ? 1 : 0);
        foreach (var banner in o.Banners)
        {
            MergeBanner(row, banner, r, newScan);
        }
        if (Identify(o) is not { } service)
        {
            return null;
        }
        MergeService(row, service, r);
        return service;
    }

    private static void MergeBanner(HostPort row, NmapBanner banner, NmapImportRecord r, bool newScan)
    {
        var known = row.Banners.Find(b => b.ScanProtocol == banner.ScanProtocol && b.Banner == banner.Text);
        if (known is null)
        {
            row.Banners.Add(new PortBanner { Banner = banner.Text, ScanProtocol = banner.ScanProtocol, TimesObserved = 1, FirstSeenDateTime = r.ScanStart, LastSeenDateTime = r.ScanEnd });
            return;
        }
        known.TimesObserved = (known.TimesObserved ?? 0) + (newScan ? 1 : 0);
        known.FirstSeenDateTime = HostUpserter.Min(known.FirstSeenDateTime, r.ScanStart);
        known.LastSeenDateTime = HostUpserter.Max(known.LastSeenDateTime, r.ScanEnd);
    }

    private static void MergeService(HostPort row, IdentifiedService service, NmapImportRecord r)
    {
        var id = ComponentId(service, row.HostId);
        if (row.Services.Find(s => s.ComponentId == id) is { } known)
        {
            known.FirstSeenDateTime = HostUpserter.Min(known.FirstSeenDateTime, r.ScanStart);
            known.LastSeenDateTime = HostUpserter.Max(known.LastSeenDateTime, r.ScanEnd);
            return;
        }
        row.Services.Add(new PortService
        {
            ComponentId = id, Name = service.Name, Version = service.Version, Category = service.Category,
            FirstSeenDateTime = r.ScanStart, LastSeenDateTime = r.ScanEnd,
        });
    }

    private static void NoteComponent(Dictionary<string, HostComponent> components, IdentifiedService s, NmapImportRecord r)
    {
        var host = r.Observation.Host;
        var id = ComponentId(s, host);
        if (components.TryGetValue(id, out var known))
        {
            known.FirstSeenDateTime = r.ScanStart < known.FirstSeenDateTime ? r.ScanStart : known.FirstSeenDateTime;
            known.LastSeenDateTime = r.ScanEnd > known.LastSeenDateTime ? r.ScanEnd : known.LastSeenDateTime;
            return;
        }
        components[id] = new HostComponent
        {
            HostId = host, Id = id, Name = s.Name, Version = s.Version, Category = s.Category, FirstSeenDateTime = r.ScanStart, LastSeenDateTime = r.ScanEnd,
        };
    }

    private static async Task ApplyComponentsAsync(SightlineDb db, Dictionary<string, HostComponent> components, CancellationToken cancellationToken)
    {
        if (components.Count == 0)
        {
            return;
        }
        var ids = components.Keys.ToList();
        var stored = await db.HostComponents.AsTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, StringComparer.Ordinal, cancellationToken);
        foreach (var (id, component) in components)
        {
            if (stored.TryGetValue(id, out var existing))
            {
                existing.FirstSeenDateTime = component.FirstSeenDateTime < existing.FirstSeenDateTime ? component.FirstSeenDateTime : existing.FirstSeenDateTime;
                existing.LastSeenDateTime = component.LastSeenDateTime > existing.LastSeenDateTime ? component.LastSeenDateTime : existing.LastSeenDateTime;
            }
            else
            {
                db.HostComponents.Add(component);
            }
        }
    }

    /// <summary>nmap's states; the ambiguous ones (<c>open|filtered</c>, <c>closed|filtered</c>) say a filter was in the way.</summary>
    private static PortStatus? Status(string state) => state switch
    {
        "open" => PortStatus.Open,
        "closed" => PortStatus.Closed,
        "filtered" or "open|filtered" or "closed|filtered" => PortStatus.Filtered,
        _ => null,
    };

    /// <summary>
    /// Which scans of a port are new. A scan counts once per batch; and a scan whose start is the stored first seen or
    /// whose end is the stored last scan was counted by an earlier import (the same file cut into other batches).
    /// </summary>
    private sealed class ScanLedger(HostPort? stored)
    {
        private readonly DateTimeOffset? _storedFirst = stored?.FirstSeenDateTime;
        private readonly DateTimeOffset? _storedLastScan = stored?.LastScanDateTime;
        private readonly HashSet<(DateTimeOffset, DateTimeOffset)> _seen = [];

        public bool IsNew(NmapImportRecord r) =>
            _seen.Add((r.ScanStart, r.ScanEnd)) && r.ScanStart != _storedFirst && r.ScanEnd != _storedLastScan;
    }
}
