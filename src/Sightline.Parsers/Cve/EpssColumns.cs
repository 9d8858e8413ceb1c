namespace Sightline.Parsers.Cve;

/// <summary>Where each known column sits in an EPSS CSV, found from the header by name.</summary>
internal sealed record EpssColumns(int Cve, int Epss, int Percentile, int? Cvss3, int? Description, int? Vendor, int? Product)
{
    /// <summary>The number of fields a data row needs to reach every known column.</summary>
    public int Width => new[] { Cve, Epss, Percentile, Cvss3 ?? 0, Description ?? 0, Vendor ?? 0, Product ?? 0 }.Max() + 1;

    public static EpssColumns? FromHeader(IReadOnlyList<string> header)
    {
        int? Find(params string[] names)
        {
            for (var i = 0; i < header.Count; i++)
            {
                if (names.Any(n => n.Equals(header[i].Trim(), StringComparison.OrdinalIgnoreCase)))
                {
                    return i;
                }
            }
            return null;
        }
        var cve = Find("cve", "cve_id", "cveID");
        var epss = Find("epss", "epss_score");
        var percentile = Find("percentile", "epss percentile", "epss_percentile");
        if (cve is null || epss is null || percentile is null)
        {
            return null;
        }
        return new EpssColumns(cve.Value, epss.Value, percentile.Value, Find("cvss3", "cvss"), Find("description"), Find("vendor"), Find("product"));
    }
}
