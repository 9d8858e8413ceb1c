namespace Sightline.Data.Demo;

/// <summary>Passive DNS answers and crawl links, recorded once per natural key.</summary>
internal static class DemoDns
{
    /// <summary>Records that <paramref name="name"/> resolved to <paramref name="data"/> over the given window.</summary>
    public static void Resolve(DemoBuilder b, string name, string data, string recordType, double firstDaysAgo, double lastDaysAgo)
    {
        b.Note(name);
        b.Note(data);
        var key = name + "|" + data + "|" + recordType;
        if (b.Claim("pdns", key))
        {
            b.Dns.Add(new DnsObservation(name, recordType, data, DemoBuilder.DaysAgo(firstDaysAgo), DemoBuilder.DaysAgo(lastDaysAgo),
                DemoHash.Range(key + "count", 1, 5000)));
        }
    }

    /// <summary>A subdomain becomes known when it is seen in DNS: here as an alias (CNAME) of its parent.</summary>
    public static void AddSubdomain(DemoBuilder b, string domain, string label, double firstDaysAgo) =>
        Resolve(b, label + "." + domain, domain, "CNAME", firstDaysAgo, 1);

    public static void Pair(DemoBuilder b, string linkKind, string parent, string child, double firstDaysAgo, double lastDaysAgo)
    {
        b.Note(parent);
        b.Note(child);
        if (b.Claim("pair", linkKind + "|" + parent + "|" + child))
        {
            b.Links.Add(new LinkObservation(linkKind, parent, child, DemoBuilder.DaysAgo(firstDaysAgo), DemoBuilder.DaysAgo(lastDaysAgo)));
        }
    }
}
