using System.Net;
using Sightline.Data.Enrichment;

namespace Sightline.Tests.Enrichment;

/// <summary>The pieces behind the lookup: aligned blocks inside a range, overlapping rows, provider names.</summary>
public sealed class NetblockAndProviderTests
{
    [Theory]
    [InlineData("20.103.85.33", "20.64.0.0/10")]
    [InlineData("20.127.255.255", "20.64.0.0/10")]
    [InlineData("20.50.0.1", "20.48.0.0/12")]
    [InlineData("20.47.200.1", "20.47.128.0/17")]
    public void The_netblock_is_the_largest_aligned_block_inside_the_range(string address, string expected)
    {
        // Microsoft's 20.47.128.0 - 20.127.255.255 is not one CIDR block, so each address gets the block it sits in.
        var start = Cidr.ToUInt32(IPAddress.Parse("20.47.128.0"));
        var end = Cidr.ToUInt32(IPAddress.Parse("20.127.255.255"));

        var (network, prefix) = Cidr.LargestBlock(Cidr.ToUInt32(IPAddress.Parse(address)), start, end);

        Assert.Equal(expected, Cidr.Format(network, prefix));
    }

    [Fact]
    public void A_range_that_is_one_aligned_block_is_its_own_netblock()
    {
        var start = Cidr.ToUInt128(IPAddress.Parse("2001:4860::"));
        var end = Cidr.ToUInt128(IPAddress.Parse("2001:4860:ffff:ffff:ffff:ffff:ffff:ffff"));

        var (network, prefix) = Cidr.LargestBlock(Cidr.ToUInt128(IPAddress.Parse("2001:4860:4860::8888")), start, end);

        Assert.Equal("2001:4860::/32", Cidr.Format(network, prefix));
    }

    [Fact]
    public void A_row_overlapping_the_one_before_wins_inside_its_own_range()
    {
        var builder = new AsnRangeTable<uint>.Builder(2);
        builder.Add(100, 300, entry: 1);
        builder.Add(200, 250, entry: 2);
        var table = builder.Build();

        Assert.Equal(1, table.Find(150)?.Entry);
        Assert.Equal((200u, 250u, 2), table.Find(200));
        Assert.Null(table.Find(99));
        Assert.Null(table.Find(251));
    }

    [Theory]
    [InlineData("Amazon.com, Inc.", true)]
    [InlineData("Amazon Data Services Ireland Ltd", true)]
    [InlineData("The Constant Company, LLC", true)]
    [InlineData("Hetzner Online GmbH", true)]
    [InlineData("Akamai International B.V.", true)]
    [InlineData("AMAZONIA TELECOMUNICACOES LTDA", false)]
    [InlineData("Google Fiber Inc.", false)]
    [InlineData("Vultric Hosting", false)]
    [InlineData("Deutsche Telekom AG", false)]
    public void Hosting_providers_are_recognised_by_whole_words_of_the_organisation(string organization, bool hosting)
    {
        Assert.Equal(hosting ? organization : null, HostingProviders.Match(organization));
    }
}
