using System.Net.Http.Headers;
using System.Text;
using Sightline.Data.Entities;
using Sightline.Tests.Support;

namespace Sightline.Tests.Enrichment;

/// <summary>Imported IP hosts come out of the Graph API with their autonomous system, country and netblock.</summary>
public sealed class EnrichedImportTests : IngestTestBase
{
    private async Task IngestAsync(string line)
    {
        using var body = new StringContent(line, Encoding.UTF8, new MediaTypeHeaderValue("application/x-ndjson"));
        using var response = await Importer.PostAsync("/ingest/cof?name=enrich.cof", body);
        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task An_imported_address_is_served_with_its_autonomous_system_country_and_netblock()
    {
        await IngestAsync("{\"rrname\":\"dns.google\",\"rrtype\":\"A\",\"rdata\":\"8.8.8.8\",\"time_first\":1735689600,\"time_last\":1738368000}");

        var host = await Reader.GetJsonAsync($"{Graph.Root}/hosts/8.8.8.8");
        Assert.Equal("#microsoft.graph.security.ipAddress", host.GetProperty("@odata.type").GetString());
        var system = host.GetProperty("autonomousSystem");
        Assert.Equal(15169, system.GetProperty("number").GetInt32());
        Assert.StartsWith("Google", system.GetProperty("organization").GetString());
        Assert.StartsWith("AS15169 Google", system.GetProperty("value").GetString());
        Assert.Equal("US", host.GetProperty("countryOrRegion").GetString());
        Assert.Equal("8.8.8.0/24", host.GetProperty("netblock").GetString());
        Assert.Equal(system.GetProperty("organization").GetString(), host.GetProperty("hostingProvider").GetString());
    }

    [Fact]
    public async Task An_address_stored_without_enrichment_is_filled_on_its_next_sighting()
    {
        await using (var db = Server.CreateDb())
        {
            db.Hosts.Add(new Host { Id = "1.1.1.1", Kind = HostKind.IpAddress });
            await db.SaveChangesAsync();
        }

        await IngestAsync("{\"rrname\":\"one.one.one.one\",\"rrtype\":\"A\",\"rdata\":\"1.1.1.1\",\"time_first\":1735689600,\"time_last\":1738368000}");

        var host = await Reader.GetJsonAsync($"{Graph.Root}/hosts/1.1.1.1");
        Assert.Equal(13335, host.GetProperty("autonomousSystem").GetProperty("number").GetInt32());
        Assert.Equal("1.1.1.0/24", host.GetProperty("netblock").GetString());
    }
}
