using System.Net;
using System.Net.Sockets;
using Sightline.Data.Entities;

namespace Sightline.Data.Enrichment;

/// <summary>What the bundled data says about one address; every part may be missing.</summary>
/// <param name="Netblock">The largest aligned CIDR block that holds the address and lies inside its AS range.</param>
public sealed record IpFacts(int? AsNumber, string? AsOrganization, string? CountryCode, string? Netblock)
{
    public static readonly IpFacts None = new(null, null, null, null);

    /// <summary>The organisation when it is a known hosting or cloud provider (see <see cref="HostingProviders"/>).</summary>
    public string? HostingProvider => HostingProviders.Match(AsOrganization);
}

/// <summary>
/// Autonomous system, country and netblock of an IP address from data shipped inside this assembly
/// (ip-location-db: ASN ranges by RouteViews, the RIRs and DB-IP under CC-BY-4.0; countries from the RIRs' WHOIS
/// and geofeeds), so no lookup leaves the machine. Each table is built on first use, once per process, and is
/// immutable and safe to share between threads afterwards.
/// </summary>
public static class IpEnrichment
{
    private static readonly Lazy<AsnTable<uint>> _ipv4 = new(() => AsnCsv.Load(EnrichmentResources.AsnIpv4, Cidr.ToUInt32, 420_000));
    private static readonly Lazy<AsnTable<UInt128>> _ipv6 = new(() => AsnCsv.Load(EnrichmentResources.AsnIpv6, Cidr.ToUInt128, 110_000));
    private static readonly Lazy<CountryDatabase> _countries = new(CountryDatabase.Load);

    public static IpFacts Lookup(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (ReservedAddresses.Contains(address))
        {
            return IpFacts.None;
        }
        var country = _countries.Value.CountryCode(address);
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var value = Cidr.ToUInt32(address);
            if (_ipv4.Value.Ranges.Find(value) is not { } range)
            {
                return IpFacts.None with { CountryCode = country };
            }
            var (network, prefix) = Cidr.LargestBlock(value, range.Start, range.End);
            return Facts(_ipv4.Value.Directory, range.Entry, country, Cidr.Format(network, prefix));
        }
        var wide = Cidr.ToUInt128(address);
        if (_ipv6.Value.Ranges.Find(wide) is not { } range6)
        {
            return IpFacts.None with { CountryCode = country };
        }
        var (network6, prefix6) = Cidr.LargestBlock(wide, range6.Start, range6.End);
        return Facts(_ipv6.Value.Directory, range6.Entry, country, Cidr.Format(network6, prefix6));
    }

    /// <summary>
    /// Fills the AS, country, hosting and netblock fields of an IP host that are still empty. The ASN data has no
    /// separate AS handle (such as "GOOGLE"), so the AS name is the organisation name too.
    /// </summary>
    public static void Describe(Host host)
    {
        if (host.Kind != HostKind.IpAddress || !IPAddress.TryParse(host.Id, out var address))
        {
            return;
        }
        var facts = Lookup(address);
        host.AsNumber ??= facts.AsNumber;
        host.AsName ??= facts.AsOrganization;
        host.AsOrganization ??= facts.AsOrganization;
        host.CountryOrRegion ??= facts.CountryCode;
        host.HostingProvider ??= facts.HostingProvider;
        host.Netblock ??= facts.Netblock;
    }

    private static IpFacts Facts(AsnDirectory directory, int entry, string? country, string netblock) =>
        new(directory.Number(entry), directory.Organization(entry), country, netblock);
}
