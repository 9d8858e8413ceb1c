using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Sightline.Data;
using Sightline.Tests.Metadata;
using Sightline.Tests.Support;

namespace Sightline.Tests.Import;

/// <summary>Raw WHOIS responses in, through the HTTP ingest endpoint, and back out as whois records and their history.</summary>
public sealed class WhoisImportTests : IngestTestBase
{
    private const string Seen1 = "2019-10-01T00:00:00Z";
    private const string Seen2 = "2020-03-01T00:00:00Z";

    internal static string Sample(string path) => File.ReadAllText(SharedReference.Locate("data/whois/" + path));

    /// <summary>google.com as MarkMonitor answered in 2019, then moved (for the test) to another registrar and name server.</summary>
    internal static string Transferred(string google) => google
        .Replace("Registrar: MarkMonitor, Inc.", "Registrar: Example Registrar, LLC", StringComparison.Ordinal)
        .Replace("Registrar IANA ID: 292", "Registrar IANA ID: 9999", StringComparison.Ordinal)
        .Replace("Updated Date: 2019-09-09T08:39:04-0700", "Updated Date: 2020-02-01T10:00:00-0000", StringComparison.Ordinal)
        .Replace("Name Server: ns4.google.com", "Name Server: ns5.google.com", StringComparison.Ordinal);

    private async Task<(int Status, JsonElement Body)> IngestAsync(string content, string query)
    {
        using var body = new StringContent(content, Encoding.UTF8, new MediaTypeHeaderValue("text/plain"));
        using var response = await Importer.PostAsync("/ingest/whois" + query, body);
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private async Task IngestOkAsync(string content, string query)
    {
        var (status, body) = await IngestAsync(content, query);
        Assert.True(status == 200, body.ToString());
    }

    [Fact]
    public async Task Imported_responses_are_served_as_the_whois_records_of_their_domains()
    {
        var git = Sample("likexian/com_git.com");
        await IngestOkAsync(git, $"?name=com_git.com&seen={Seen1}");
        await IngestOkAsync(Sample("likexian/com_google.com"), $"?name=com_google.com&seen={Seen1}");
        await IngestOkAsync(Sample("richardpenman/whois/google.de"), $"?name=google.de&seen={Seen1}");

        var record = await Reader.GetJsonAsync($"{Graph.Root}/hosts/git.com/whois");
        Assert.Equal("#microsoft.graph.security.whoisRecord", record.GetProperty("@odata.type").GetString());
        Assert.StartsWith("git.com$$", GraphIds.TryDecode(record.GetProperty("id").GetString()!), StringComparison.Ordinal);
        Assert.Equal("UNIREGISTRAR CORP", record.GetProperty("registrar").GetProperty("name").GetString());
        Assert.Equal("abuse@uniregistry.com", record.GetProperty("registrar").GetProperty("email").GetString());
        Assert.Equal("whois.uniregistrar.net", record.GetProperty("whoisServer").GetString());
        Assert.Equal("clientTransferProhibited", record.GetProperty("domainStatus").GetString());
        Assert.Equal("2001-06-14T10:32:43Z", record.GetProperty("registrationDateTime").GetString());
        Assert.Equal("2020-06-14T10:32:43Z", record.GetProperty("expirationDateTime").GetString());
        Assert.Equal("2019-05-17T23:02:50Z", record.GetProperty("lastUpdateDateTime").GetString());
        Assert.Equal(Seen1, record.GetProperty("firstSeenDateTime").GetString());
        Assert.Equal(git, record.GetProperty("rawWhoisText").GetString());
        var registrant = record.GetProperty("registrant");
        Assert.Equal("PRIVACYDOTLINK CUSTOMER 1078347", registrant.GetProperty("name").GetString());
        Assert.Equal("KY", registrant.GetProperty("address").GetProperty("countryOrRegion").GetString());
        var nameservers = record.GetProperty("nameservers").EnumerateArray().Select(n => n.GetProperty("host").GetProperty("id").GetString()).Order().ToList();
        Assert.Equal(["ns1.venture.com", "ns2.venture.com"], nameservers);
        await Reader.GetJsonAsync($"{Graph.Root}/hosts/ns1.venture.com");

        var host = await Reader.GetJsonAsync($"{Graph.Root}/hosts/git.com");
        Assert.Equal("UNIREGISTRAR CORP", host.GetProperty("registrar").GetString());
        Assert.Equal("PRIVACYDOTLINK CUSTOMER 1078347", host.GetProperty("registrant").GetString());
        var google = await Reader.GetJsonAsync($"{Graph.Root}/hosts/google.com");
        Assert.Equal("MarkMonitor, Inc.", google.GetProperty("registrar").GetString());
        Assert.Equal("Google LLC", google.GetProperty("registrant").GetString());
        var status = (await Reader.GetJsonAsync($"{Graph.Root}/hosts/google.com/whois")).GetProperty("domainStatus").GetString()!;
        Assert.Equal(6, status.Split(',').Length);
        Assert.Contains("serverDeleteProhibited", status.Split(','));
        await Reader.GetJsonAsync($"{Graph.Root}/hosts/google.de/whois");

        var found = (await Reader.GetJsonAsync($"{Graph.Root}/whoisRecords?$search=\"registrant/email:1078347@privacy-link.com\"")).Values();
        Assert.Equal("git.com", found.Single().GetProperty("host").GetProperty("id").GetString());
        var byServer = (await Reader.GetJsonAsync($"{Graph.Root}/whoisRecords?$search=\"nameservers/host/id:ns1.google.com\"")).Values();
        Assert.Equal(["google.com", "google.de"], byServer.Select(r => r.GetProperty("host").GetProperty("id").GetString()!).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task A_changed_registration_becomes_the_current_version_and_the_old_one_history()
    {
        var google = Sample("likexian/com_google.com");
        await IngestOkAsync(google, $"?name=v1&seen={Seen1}");
        var (status, report) = await IngestAsync(Transferred(google), $"?name=v2&seen={Seen2}");
        Assert.Equal(200, status);
        Assert.Equal(0, report.GetProperty("merged").GetInt32());

        var current = await Reader.GetJsonAsync($"{Graph.Root}/hosts/google.com/whois");
        Assert.Equal("Example Registrar, LLC", current.GetProperty("registrar").GetProperty("name").GetString());
        Assert.Contains("ns5.google.com", current.GetProperty("nameservers").EnumerateArray().Select(n => n.GetProperty("host").GetProperty("id").GetString()));
        var history = (await Reader.GetJsonAsync($"{Graph.Root}/hosts/google.com/whois/history")).Values();
        Assert.Equal(2, history.Count);
        Assert.Equal(current.GetProperty("id").GetString(), history[0].GetProperty("id").GetString());
        Assert.Equal(["Example Registrar, LLC", "MarkMonitor, Inc."], history.Select(h => h.GetProperty("registrar").GetProperty("name").GetString()!).ToArray());
        Assert.Equal(2, (await Reader.GetJsonAsync($"{Graph.Root}/whoisRecords/{current.GetProperty("id").GetString()}/history")).Values().Count);
        Assert.Equal("Example Registrar, LLC", (await Reader.GetJsonAsync($"{Graph.Root}/hosts/google.com")).GetProperty("registrar").GetString());
        Assert.Empty((await Reader.GetJsonAsync($"{Graph.Root}/whoisRecords?$search=\"registrar/name:MarkMonitor, Inc.\"")).Values());
        await Reader.GetJsonAsync($"{Graph.Root}/hosts/ns5.google.com");

        // The old registration answered again: it is current once more, under its old id.
        await IngestOkAsync(google, "?name=v1-again&seen=2020-06-01T00:00:00Z");
        var again = await Reader.GetJsonAsync($"{Graph.Root}/hosts/google.com/whois");
        Assert.Equal(history[1].GetProperty("id").GetString(), again.GetProperty("id").GetString());
        Assert.Equal("MarkMonitor, Inc.", (await Reader.GetJsonAsync($"{Graph.Root}/hosts/google.com")).GetProperty("registrar").GetString());
        Assert.Equal(2, (await Reader.GetJsonAsync($"{Graph.Root}/hosts/google.com/whois/history")).Values().Count);
    }

    [Fact]
    public async Task A_response_imported_late_with_an_older_seen_time_goes_into_the_history()
    {
        var google = Sample("likexian/com_google.com");
        await IngestOkAsync(Transferred(google), $"?name=v2&seen={Seen2}");
        await IngestOkAsync(google, $"?name=v1&seen={Seen1}");
        var current = await Reader.GetJsonAsync($"{Graph.Root}/hosts/google.com/whois");
        Assert.Equal("Example Registrar, LLC", current.GetProperty("registrar").GetProperty("name").GetString());
        Assert.Equal(2, (await Reader.GetJsonAsync($"{Graph.Root}/hosts/google.com/whois/history")).Values().Count);
    }

    [Fact]
    public async Task The_same_registration_fetched_again_widens_its_window()
    {
        var google = Sample("likexian/com_google.com");
        await IngestOkAsync(google, $"?name=first&seen={Seen1}");
        var refetched = google.Replace(">>> Last update of WHOIS database: 2019-09-30T07:22:02-0700 <<<",
            ">>> Last update of WHOIS database: 2020-02-29T07:22:02-0700 <<<", StringComparison.Ordinal);
        var (status, report) = await IngestAsync(refetched, $"?name=second&seen={Seen2}");
        Assert.Equal(200, status);
        Assert.Equal(1, report.GetProperty("merged").GetInt32());

        var history = (await Reader.GetJsonAsync($"{Graph.Root}/hosts/google.com/whois/history")).Values();
        var version = Assert.Single(history);
        Assert.Equal(Seen1, version.GetProperty("firstSeenDateTime").GetString());
        Assert.Equal(Seen2, version.GetProperty("lastSeenDateTime").GetString());
        var nameserver = version.GetProperty("nameservers").EnumerateArray().First();
        Assert.Equal(Seen1, nameserver.GetProperty("firstSeenDateTime").GetString());
        Assert.Equal(Seen2, nameserver.GetProperty("lastSeenDateTime").GetString());
        var host = await Reader.GetJsonAsync($"{Graph.Root}/hosts/ns1.google.com");
        Assert.Equal(Seen2, host.GetProperty("lastSeenDateTime").GetString());
    }

    [Fact]
    public async Task Importing_the_same_response_twice_changes_nothing()
    {
        var git = Sample("likexian/com_git.com");
        await IngestOkAsync(git, "?name=git");
        var before = await Reader.GetStringAsync($"{Graph.Root}/hosts/git.com/whois/history");
        var (status, report) = await IngestAsync(git, "?name=git");
        Assert.Equal(200, status);
        Assert.Equal(0, report.GetProperty("accepted").GetInt32());
        Assert.Equal(1, report.GetProperty("alreadyImported").GetInt32());
        Assert.Equal(before, await Reader.GetStringAsync($"{Graph.Root}/hosts/git.com/whois/history"));
    }

    [Fact]
    public async Task A_not_found_response_is_rejected_with_its_reason_and_stores_nothing()
    {
        const string notFound = "No match for domain \"UNREGISTERED-CONTOSO.COM\".\n>>> Last update of whois database: 2026-10-01T00:00:00Z <<<\n";
        var (status, body) = await IngestAsync(notFound, "?name=missing.whois&domain=unregistered-contoso.com");
        Assert.Equal(422, status);
        var detail = body.GetProperty("error").GetProperty("details").EnumerateArray().Single();
        Assert.Equal("missing.whois:1", detail.GetProperty("target").GetString());
        Assert.Contains("not found", detail.GetProperty("message").GetString());
        Assert.Equal("itemNotFound", await Reader.GetErrorAsync($"{Graph.Root}/hosts/unregistered-contoso.com", 404));
    }

    [Fact]
    public async Task The_domain_setting_names_a_domain_the_text_leaves_out_and_a_bad_seen_is_rejected()
    {
        const string bare = "Registrar: Example Registrar, LLC\nCreation Date: 2021-03-04T05:06:07Z\nName Server: ns1.fabrikam-dns.net\n";
        await IngestOkAsync(bare, "?name=bare.txt&domain=fabrikam-shop.com");
        var record = await Reader.GetJsonAsync($"{Graph.Root}/hosts/fabrikam-shop.com/whois");
        Assert.Equal("Example Registrar, LLC", record.GetProperty("registrar").GetProperty("name").GetString());
        Assert.Equal("2021-03-04T05:06:07Z", record.GetProperty("registrationDateTime").GetString());
        Assert.True(DateTimeOffset.UtcNow - DateTimeOffset.Parse(record.GetProperty("lastSeenDateTime").GetString()!, System.Globalization.CultureInfo.InvariantCulture) < TimeSpan.FromMinutes(5));

        var (status, body) = await IngestAsync(bare, "?name=bare.txt&domain=fabrikam-shop.com&seen=yesterday");
        Assert.Equal(422, status);
        Assert.Contains("seen='yesterday'", body.GetProperty("error").GetProperty("details")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Cli_import_recognises_a_response_and_takes_its_settings()
    {
        var file = CofFiles.Write(Path.Combine(Server.DataDir, "inputs"), "com_google.com", Sample("likexian/com_google.com"));
        var (exit, stdout, stderr) = await SightlineCli.RunAsync(TimeSpan.FromSeconds(90), ["import", .. Server.StoreArgs, file, "--set", $"seen={Seen2}"]);
        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("(whois): 1 accepted", stdout);
        var record = await Reader.GetJsonAsync($"{Graph.Root}/hosts/google.com/whois");
        Assert.Equal(Seen2, record.GetProperty("firstSeenDateTime").GetString());
        Assert.Equal("Google LLC", record.GetProperty("registrant").GetProperty("organization").GetString());
    }
}
