namespace Sightline.Data.Enrichment;

/// <summary>The data files in Enrichment/data, embedded as "enrichment/&lt;file&gt;" (see Sightline.Data.csproj).</summary>
internal static class EnrichmentResources
{
    public const string AsnIpv4 = "asn-ipv4.csv.gz";
    public const string AsnIpv6 = "asn-ipv6.csv.gz";
    public const string Country = "geo-whois-asn-country.mmdb.gz";

    public static Stream Open(string file) =>
        typeof(EnrichmentResources).Assembly.GetManifestResourceStream("enrichment/" + file)
            ?? throw new InvalidOperationException($"Missing embedded enrichment resource '{file}'.");
}
