using Sightline.Data.Entities;

namespace Sightline.Data.Demo;

/// <summary>Passive DNS, subdomain and host pair rows, with Graph's natural-key ids.</summary>
internal static class DemoDns
{
    /// <summary>Records that <paramref name="parent"/> resolved to <paramref name="artifact"/> (both become hosts).</summary>
    public static void Resolve(DemoBuilder b, string parent, string artifact, string recordType,
        double firstDaysAgo, double lastDaysAgo, bool synthetic = true)
    {
        var first = DemoBuilder.DaysAgo(firstDaysAgo);
        var last = DemoBuilder.DaysAgo(lastDaysAgo);
        b.EnsureHost(parent, synthetic, first, last);
        b.EnsureHost(artifact, synthetic, first, last);
        var id = GraphIds.Compose(parent, artifact, recordType);
        if (!b.Claim("pdns", id))
        {
            return;
        }

        b.Add(new PassiveDnsRecord
        {
            ParentHostId = parent,
            Id = id,
            ArtifactId = artifact,
            ArtifactKind = DemoBuilder.KindOf(artifact),
            RecordType = recordType,
            FirstSeenDateTime = first,
            LastSeenDateTime = last,
            CollectedDateTime = last.AddHours(DemoHash.Range(id + "collected", 1, 20)),
            Count = DemoHash.Range(id + "count", 1, 5000),
        });
    }

    public static void AddSubdomain(DemoBuilder b, string domain, string label, double firstDaysAgo)
    {
        var sub = label + "." + domain;
        var first = DemoBuilder.DaysAgo(firstDaysAgo);
        b.EnsureHost(sub, true, first, DemoBuilder.DaysAgo(1));
        var id = GraphIds.Compose(sub, domain);
        if (b.Claim("subdomain", id))
        {
            b.Add(new Subdomain { ParentHostId = domain, Id = id, HostId = sub, FirstSeenDateTime = first });
        }
    }

    public static void Pair(DemoBuilder b, string linkKind, string parent, string child, double firstDaysAgo, double lastDaysAgo)
    {
        var first = DemoBuilder.DaysAgo(firstDaysAgo);
        var last = DemoBuilder.DaysAgo(lastDaysAgo);
        var parentHost = b.EnsureHost(parent, true, first, last);
        var childHost = b.EnsureHost(child, true, first, last);
        var id = GraphIds.Compose(linkKind, parent, child, parent);
        if (!b.Claim("pair", id))
        {
            return;
        }

        b.Add(new HostPair
        {
            ParentHostId = parent,
            Id = id,
            ChildHostId = child,
            ParentHostKind = parentHost.Kind,
            ChildHostKind = childHost.Kind,
            LinkKind = linkKind,
            FirstSeenDateTime = first,
            LastSeenDateTime = last,
        });
    }
}
