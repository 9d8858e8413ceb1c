using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Sightline.Tests.Support;
using static Sightline.Tests.Import.CofFiles;

namespace Sightline.Tests.Import;

/// <summary>Passive DNS in, through the HTTP ingest endpoint, and back out through the Graph API.</summary>
public sealed class PassiveDnsImportTests : IngestTestBase
{
    private async Task<(int Status, JsonElement Body)> IngestAsync(string content, string query = "?name=pdns.cof")
    {
        using var body = new StringContent(content, Encoding.UTF8, new MediaTypeHeaderValue("application/x-ndjson"));
        using var response = await Importer.PostAsync("/ingest/cof" + query, body);
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static readonly string Sample = string.Join('\n',
        Line("www.contoso.example.", "A", "198.51.100.7", count: 5),
        Line("contoso.example", "NS", "ns1.contoso.example."),
        "{\"rrname\":\"contoso.example\",\"rrtype\":\"MX\",\"rdata\":[\"10 mail.contoso.example.\",\"20 mx2.contoso.example.\"],\"time_first\":1735689600,\"time_last\":1738368000}",
        Line("7.100.51.198.in-addr.arpa", "PTR", "www.contoso.example."),
        Line("contoso.example", "TXT", "v=spf1 -all"));

    [Fact]
    public async Task Imported_resolutions_are_served_by_the_graph_api()
    {
        var (status, report) = await IngestAsync(Sample);
        Assert.Equal(200, status);
        Assert.Equal(5, report.GetProperty("accepted").GetInt32());
        Assert.Equal(1, report.GetProperty("ignored").GetInt32());

        var forward = (await Reader.GetJsonAsync($"{Graph.Root}/hosts/www.contoso.example/passiveDns")).Values().Single();
        Assert.Equal("A", forward.GetProperty("recordType").GetString());
        Assert.Equal("#microsoft.graph.security.ipAddress", forward.GetProperty("artifact").GetProperty("@odata.type").GetString());
        Assert.Equal("198.51.100.7", forward.GetProperty("artifact").GetProperty("id").GetString());
        Assert.Equal("2025-01-01T00:00:00Z", forward.GetProperty("firstSeenDateTime").GetString());
        Assert.Equal("2025-02-01T00:00:00Z", forward.GetProperty("lastSeenDateTime").GetString());

        var types = (await Reader.GetJsonAsync($"{Graph.Root}/hosts/contoso.example/passiveDns")).Values().Select(r => r.GetProperty("recordType").GetString()).Order().ToList();
        Assert.Equal(["MX", "MX", "NS"], types);
        var reverse = (await Reader.GetJsonAsync($"{Graph.Root}/hosts/198.51.100.7/passiveDnsReverse")).Values().Single();
        Assert.Equal("www.contoso.example", reverse.GetProperty("parentHost").GetProperty("id").GetString());
        var ptr = (await Reader.GetJsonAsync($"{Graph.Root}/hosts/198.51.100.7/passiveDns")).Values().Single();
        Assert.Equal("PTR", ptr.GetProperty("recordType").GetString());
        var host = await Reader.GetJsonAsync($"{Graph.Root}/hosts/mail.contoso.example");
        Assert.Equal("#microsoft.graph.security.hostname", host.GetProperty("@odata.type").GetString());

        // Names below a registrable domain (Public Suffix List) become its subdomains.
        var subdomains = (await Reader.GetJsonAsync($"{Graph.Root}/hosts/contoso.example/subdomains")).Values()
            .Select(s => s.GetProperty("host").GetProperty("id").GetString()).Order().ToList();
        Assert.Equal(["mail.contoso.example", "mx2.contoso.example", "ns1.contoso.example", "www.contoso.example"], subdomains);
    }

    [Fact]
    public async Task Importing_the_same_file_twice_changes_nothing()
    {
        Assert.Equal(200, (await IngestAsync(Sample)).Status);
        var before = await Reader.GetStringAsync($"{Graph.Root}/hosts/contoso.example/passiveDns?$orderby=recordType");
        var (status, report) = await IngestAsync(Sample);
        Assert.Equal(200, status);
        Assert.Equal(0, report.GetProperty("accepted").GetInt32());
        Assert.Equal(6, report.GetProperty("alreadyImported").GetInt32());
        Assert.Equal(before, await Reader.GetStringAsync($"{Graph.Root}/hosts/contoso.example/passiveDns?$orderby=recordType"));
    }

    [Fact]
    public async Task The_same_observation_from_another_sensor_widens_the_window_and_adds_its_count()
    {
        Assert.Equal(200, (await IngestAsync(Line("a.widen.example", "A", "203.0.113.9", first: T1, last: T2, count: 3, sensor: "s1"))).Status);
        var (status, report) = await IngestAsync(Line("a.widen.example", "A", "203.0.113.9", first: T1 - 86_400, last: T2 + 86_400, count: 4, sensor: "s2"));
        Assert.Equal(200, status);
        Assert.Equal(1, report.GetProperty("merged").GetInt32());
        var record = (await Reader.GetJsonAsync($"{Graph.Root}/hosts/a.widen.example/passiveDns")).Values().Single();
        Assert.Equal("2024-12-31T00:00:00Z", record.GetProperty("firstSeenDateTime").GetString());
        Assert.Equal("2025-02-02T00:00:00Z", record.GetProperty("lastSeenDateTime").GetString());
        await using var db = Server.CreateDb();
        Assert.Equal(7, db.PassiveDnsRecords.Single(r => r.ParentHostId == "a.widen.example").Count);
    }

    [Fact]
    public async Task A_batch_with_one_corrupt_record_stores_nothing_and_names_the_line()
    {
        var content = string.Join('\n', Line("ok1.corrupt.example", "A", "203.0.113.1"), Line("ok2.corrupt.example", "A", "203.0.113.2"),
            "{\"rrname\":\"bad.corrupt.example\",\"rrtype\":\"A\",\"rdata\":\"not-an-address\",\"time_first\":1,\"time_last\":2}",
            Line("ok3.corrupt.example", "A", "203.0.113.3"));
        var (status, body) = await IngestAsync(content, "?name=corrupt.cof");
        Assert.Equal(422, status);
        var error = body.GetProperty("error");
        Assert.Equal("importRejected", error.GetProperty("code").GetString());
        var detail = error.GetProperty("details").EnumerateArray().Single();
        Assert.Equal("corrupt.cof:3", detail.GetProperty("target").GetString());
        Assert.Contains("not-an-address", detail.GetProperty("message").GetString());
        Assert.Equal(3, error.GetProperty("report").GetProperty("notStored").GetInt32());
        Assert.Equal("itemNotFound", await Reader.GetErrorAsync($"{Graph.Root}/hosts/ok1.corrupt.example", 404));

        var (relaxed, report) = await IngestAsync(content, "?name=corrupt.cof&maxErrors=5");
        Assert.Equal(422, relaxed);
        Assert.Equal(3, report.GetProperty("error").GetProperty("report").GetProperty("accepted").GetInt32());
        await Reader.GetJsonAsync($"{Graph.Root}/hosts/ok1.corrupt.example");
    }

    /// <summary>Found by the importer fuzz: a string JSON can parse but .NET cannot read (a lone surrogate) crashed the import.</summary>
    [Fact]
    public async Task A_record_whose_string_is_not_text_is_rejected_at_its_line()
    {
        var content = string.Join('\n', Line("ok.surrogate.example", "A", "203.0.113.4"),
            "{\"rrname\":\"bad\\ud800.example\",\"rrtype\":\"A\",\"rdata\":\"203.0.113.5\",\"time_first\":1,\"time_last\":2}");
        var (status, body) = await IngestAsync(content, "?name=surrogate.cof");
        Assert.Equal(422, status);
        var detail = body.GetProperty("error").GetProperty("details").EnumerateArray().Single();
        Assert.Equal("surrogate.cof:2", detail.GetProperty("target").GetString());
        Assert.Contains("not valid text", detail.GetProperty("message").GetString());
        Assert.Equal("itemNotFound", await Reader.GetErrorAsync($"{Graph.Root}/hosts/ok.surrogate.example", 404));
    }

    [Fact]
    public async Task Ingest_needs_its_own_permission_and_a_known_format()
    {
        using var body = new StringContent(Sample);
        using var denied = await Reader.PostAsync("/ingest/cof", body);
        Assert.Equal(403, (int)denied.StatusCode);
        using var anonymous = await Server.AnonymousClient().PostAsync("/ingest/cof", new StringContent(Sample));
        Assert.Equal(401, (int)anonymous.StatusCode);
        using var unknown = await Importer.PostAsync("/ingest/nonsense", new StringContent(Sample));
        Assert.Equal(400, (int)unknown.StatusCode);
        Assert.Contains("\"BadRequest\"", await unknown.Content.ReadAsStringAsync());
        using var detected = await Importer.PostAsync("/ingest", new StringContent(Line("detected.example", "A", "203.0.113.50")));
        Assert.Equal(200, (int)detected.StatusCode);
        using var empty = await Importer.PostAsync("/ingest/cof", new StringContent(""));
        Assert.Equal(400, (int)empty.StatusCode);
    }
}
