using System.IO.Compression;
using System.Net;
using MaxMind.Db;

namespace Sightline.Data.Enrichment;

/// <summary>
/// ip-location-db's geo-whois-asn-country mmdb (one tree for IPv4 and IPv6; each record is
/// <c>{ "country_code": "US" }</c>), read with MaxMind.Db from memory after un-gzipping the embedded copy. Countries come from the RIRs' WHOIS
/// and published geofeeds, so they say where a block is registered or declared, not where a server stands.
/// </summary>
internal sealed class CountryDatabase
{
    private readonly Reader _reader;

    private CountryDatabase(Reader reader) => _reader = reader;

    public static CountryDatabase Load()
    {
        using var compressed = EnrichmentResources.Open(EnrichmentResources.Country);
        using var gzip = new GZipStream(compressed, CompressionMode.Decompress);
        // The reader copies a stream it is given into an anonymous memory map: the un-gzipped file (about 8 MB) is held
        // once, outside the managed heap, and nothing is written to disk.
        return new CountryDatabase(new Reader(gzip));
    }

    /// <summary>The ISO 3166-1 alpha-2 code of the address, or null when the database has none.</summary>
    public string? CountryCode(IPAddress address) =>
        _reader.Find<CountryRecord>(address)?.CountryCode is { Length: 2 } code ? code.ToUpperInvariant() : null;

    internal sealed class CountryRecord
    {
        [Constructor]
        public CountryRecord([MapKey("country_code")] string? countryCode) => CountryCode = countryCode;

        public string? CountryCode { get; }
    }
}
