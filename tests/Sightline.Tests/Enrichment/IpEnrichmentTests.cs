using System.Net;
using Sightline.Data.Enrichment;
using Sightline.Data.Entities;

namespace Sightline.Tests.Enrichment;

/// <summary>Lookups against the bundled ip-location-db data, for addresses whose AS has not changed in years.</summary>
public sealed class IpEnrichmentTests
{
    [Theory]
    [InlineData("8.8.8.8", 15169, "Google")]
    [InlineData("1.1.1.1", 13335, "Cloudflare")]
    [InlineData("20.103.85.33", 8075, "Microsoft")]
    [InlineData("2001:4860:4860::8888", 15169, "Google")]
    public void Well_known_addresses_resolve_to_their_autonomous_system_and_hosting_provider(string address, int asNumber, string organization)
    {
        var facts = IpEnrichment.Lookup(IPAddress.Parse(address));

        Assert.Equal(asNumber, facts.AsNumber);
        Assert.StartsWith(organization, facts.AsOrganization);
        Assert.Equal(facts.AsOrganization, facts.HostingProvider);
        Assert.Matches("^[A-Z]{2}$", facts.CountryCode);
        Assert.NotNull(facts.Netblock);
    }

    [Fact]
    public void Google_public_dns_is_in_the_united_states_in_its_own_slash_24()
    {
        var facts = IpEnrichment.Lookup(IPAddress.Parse("8.8.8.8"));

        Assert.Equal("US", facts.CountryCode);
        Assert.Equal("8.8.8.0/24", facts.Netblock);
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("20.103.85.33")]
    [InlineData("52.95.110.1")]
    [InlineData("2001:4860:4860::8888")]
    [InlineData("2606:4700:4700::1111")]
    public void The_netblock_holds_the_address_and_lies_inside_one_as_range(string text)
    {
        var address = IPAddress.Parse(text);
        var facts = IpEnrichment.Lookup(address);

        var block = IPNetwork.Parse(facts.Netblock!);
        Assert.True(block.Contains(address));
        // Both ends of the block belong to the same range, so they report the same AS and the same block.
        foreach (var end in new[] { block.BaseAddress, LastAddress(block) })
        {
            var edge = IpEnrichment.Lookup(end);
            Assert.Equal(facts.AsNumber, edge.AsNumber);
            Assert.Equal(facts.Netblock, edge.Netblock);
        }
    }

    [Fact]
    public void An_ipv4_mapped_ipv6_address_is_looked_up_as_ipv4()
    {
        Assert.Equal(IpEnrichment.Lookup(IPAddress.Parse("8.8.8.8")), IpEnrichment.Lookup(IPAddress.Parse("::ffff:8.8.8.8")));
    }

    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.5.4")]
    [InlineData("192.168.1.1")]
    [InlineData("127.0.0.1")]
    [InlineData("169.254.10.20")]
    [InlineData("100.64.0.1")]
    [InlineData("192.0.2.10")]
    [InlineData("198.51.100.7")]
    [InlineData("203.0.113.9")]
    [InlineData("224.0.0.251")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("2001:db8::1")]
    public void Private_loopback_and_documentation_addresses_get_nothing(string address)
    {
        Assert.Equal(IpFacts.None, IpEnrichment.Lookup(IPAddress.Parse(address)));
    }

    [Fact]
    public void Describing_a_host_fills_only_the_fields_that_are_empty()
    {
        var host = new Host { Id = "8.8.8.8", Kind = HostKind.IpAddress, CountryOrRegion = "CH" };

        IpEnrichment.Describe(host);

        Assert.Equal(15169, host.AsNumber);
        Assert.Equal(host.AsOrganization, host.AsName);
        Assert.Equal("CH", host.CountryOrRegion);
        Assert.Equal("8.8.8.0/24", host.Netblock);
        Assert.NotNull(host.HostingProvider);
    }

    [Fact]
    public void A_hostname_is_not_described()
    {
        var host = new Host { Id = "dns.google", Kind = HostKind.Hostname };

        IpEnrichment.Describe(host);

        Assert.Null(host.AsNumber);
        Assert.Null(host.Netblock);
    }

    private static IPAddress LastAddress(IPNetwork block)
    {
        var bytes = block.BaseAddress.GetAddressBytes();
        for (var bit = block.PrefixLength; bit < bytes.Length * 8; bit++)
        {
            bytes[bit / 8] |= (byte)(0x80 >> (bit % 8));
        }
        return new IPAddress(bytes);
    }
}
