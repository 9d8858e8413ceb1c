using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Sightline.Data;
using Sightline.Tests.Support;
using static Sightline.Tests.Import.CertificateFiles;

namespace Sightline.Tests.Import;

/// <summary>Certificate files (x509) and certificate sightings in through the ingest endpoint, out through the Graph API.</summary>
public sealed class CertificateImportTests : IngestTestBase
{
    private async Task<(int Status, JsonElement Body)> IngestAsync(HttpContent body, string path)
    {
        using (body)
        {
            using var response = await Importer.PostAsync(path, body);
            return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
        }
    }

    private Task<(int Status, JsonElement Body)> IngestTextAsync(string text, string path) =>
        IngestAsync(new StringContent(text, Encoding.UTF8, new MediaTypeHeaderValue("text/plain")), path);

    private async Task<JsonElement> CertificateBySha1Async(string sha1) =>
        (await Reader.GetJsonAsync($"{Graph.Root}/sslCertificates?$search=\"sha1:{sha1}\"")).Values().Single();

    [Fact]
    public async Task Ca_roots_without_a_host_are_stored_alone_and_found_by_sha1()
    {
        var (status, report) = await IngestTextAsync(RootsPem(), "/ingest?name=roots.pem");
        Assert.Equal(200, status);
        Assert.Equal("x509", report.GetProperty("format").GetString());
        Assert.Equal(3, report.GetProperty("accepted").GetInt32());
        foreach (var name in Roots)
        {
            using var expected = Root(name);
            var certificate = await CertificateBySha1Async(Sha1(expected));
            Assert.Equal(GraphIds.Compose(Sha1(expected)), certificate.GetProperty("id").GetString());
            Assert.Equal(DecimalSerial(expected), certificate.GetProperty("serialNumber").GetString());
            Assert.Equal(expected.NotAfter.ToUniversalTime(), certificate.GetProperty("expirationDateTime").GetDateTime());
            Assert.Equal(expected.GetNameInfo(System.Security.Cryptography.X509Certificates.X509NameType.SimpleName, forIssuer: true),
                certificate.GetProperty("issuer").GetProperty("commonName").GetString());
            Assert.Matches("^([0-9A-F]{2}:){31}[0-9A-F]{2}$", certificate.GetProperty("fingerprint").GetString());
            Assert.Equal(JsonValueKind.Null, certificate.GetProperty("firstSeenDateTime").ValueKind); // a file is not a sighting
            Assert.Empty((await Reader.GetJsonAsync($"{Graph.Root}/sslCertificates/{GraphIds.Compose(Sha1(expected))}/relatedHosts")).Values());
        }

        var (again, second) = await IngestTextAsync(RootsPem(), "/ingest?name=roots.pem");
        Assert.Equal(200, again);
        Assert.Equal(3, second.GetProperty("alreadyImported").GetInt32());
        Assert.Equal(3, (await Reader.GetJsonAsync($"{Graph.Root}/sslCertificates")).Values().Count);
    }

    [Fact]
    public async Task A_der_file_with_host_port_and_seen_is_linked_and_another_port_merges_into_the_link()
    {
        using var isrg = Root("ISRG_Root_X1.crt");
        var sha1 = Sha1(isrg);
        var (status, _) = await IngestAsync(new ByteArrayContent(isrg.RawData), "/ingest?name=isrg.der&host=WWW.Contoso.Example&port=443&seen=2025-01-01T00:00:00Z");
        Assert.Equal(200, status);
        var (merged, report) = await IngestAsync(new ByteArrayContent(isrg.RawData), "/ingest/x509?name=isrg.der&host=www.contoso.example&port=8443&seen=2025-02-01T00:00:00Z");
        Assert.Equal(200, merged);
        Assert.Equal(1, report.GetProperty("merged").GetInt32());

        var link = (await Reader.GetJsonAsync($"{Graph.Root}/hosts/www.contoso.example/sslCertificates")).Values().Single();
        Assert.Equal(GraphIds.Compose("www.contoso.example", sha1), link.GetProperty("id").GetString());
        Assert.Equal("2025-01-01T00:00:00Z", link.GetProperty("firstSeenDateTime").GetString());
        Assert.Equal("2025-02-01T00:00:00Z", link.GetProperty("lastSeenDateTime").GetString());
        var ports = link.GetProperty("ports").EnumerateArray().Select(p => (p.GetProperty("port").GetInt32(), p.GetProperty("lastSeenDateTime").GetString())).ToArray();
        Assert.Equal([(443, "2025-01-01T00:00:00Z"), (8443, "2025-02-01T00:00:00Z")], ports);
        Assert.Equal("ISRG Root X1", link.GetProperty("sslCertificate").GetProperty("subject").GetProperty("commonName").GetString());

        var certificate = await CertificateBySha1Async(sha1);
        Assert.Equal("2025-01-01T00:00:00Z", certificate.GetProperty("firstSeenDateTime").GetString());
        Assert.Equal("2025-02-01T00:00:00Z", certificate.GetProperty("lastSeenDateTime").GetString());
        var related = (await Reader.GetJsonAsync($"{Graph.Root}/sslCertificates/{GraphIds.Compose(sha1)}/relatedHosts")).Values();
        Assert.Equal("www.contoso.example", related.Single().GetProperty("id").GetString());
        var subdomain = (await Reader.GetJsonAsync($"{Graph.Root}/hosts/contoso.example/subdomains")).Values().Single();
        Assert.Equal("www.contoso.example", subdomain.GetProperty("host").GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_host_without_seen_is_rejected_and_a_corrupt_block_stores_nothing_from_its_batch()
    {
        var (status, body) = await IngestTextAsync(RootsPem(), "/ingest/x509?name=roots.pem&host=contoso.example");
        Assert.Equal(422, status);
        var detail = body.GetProperty("error").GetProperty("details").EnumerateArray().Single();
        Assert.Equal("roots.pem:0", detail.GetProperty("target").GetString());
        Assert.Contains("'seen'", detail.GetProperty("message").GetString());

        var broken = File.ReadAllText(RootPath(Roots[0])) + "\n-----BEGIN CERTIFICATE-----\nTm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n"
            + File.ReadAllText(RootPath(Roots[1]));
        (status, body) = await IngestTextAsync(broken, "/ingest/x509?name=broken.pem");
        Assert.Equal(422, status);
        Assert.Equal("broken.pem:2", body.GetProperty("error").GetProperty("details")[0].GetProperty("target").GetString());
        Assert.Equal(2, body.GetProperty("error").GetProperty("report").GetProperty("notStored").GetInt32());
        Assert.Empty((await Reader.GetJsonAsync($"{Graph.Root}/sslCertificates")).Values());
    }

    private static readonly string Sightings = string.Join('\n',
        Sighting("www.example.org", 443, "2025-01-10T00:00:00Z", "2025-01-20T00:00:00Z"),
        Sighting("198.51.100.7", 443, "2025-01-12T00:00:00Z"),
        Sighting("www.example.org", 8443, "2025-01-15T00:00:00Z"));

    [Fact]
    public async Task Sightings_link_hosts_and_ports_and_a_repeated_sighting_widens_the_windows()
    {
        var (status, report) = await IngestTextAsync(Sightings, "/ingest?name=sightings.jsonl");
        Assert.Equal(200, status);
        Assert.Equal("certsightings", report.GetProperty("format").GetString());
        Assert.Equal(3, report.GetProperty("accepted").GetInt32());
        Assert.Equal(1, report.GetProperty("merged").GetInt32()); // the second port of www.example.org

        var certificate = await CertificateBySha1Async(NmapScans.CertificateSha1);
        Assert.Equal(["www.example.org", "example.org"], certificate.GetProperty("subject").GetProperty("alternateNames").EnumerateArray().Select(n => n.GetString()!).ToArray());
        Assert.Equal("Example Org", certificate.GetProperty("issuer").GetProperty("organizationName").GetString());
        Assert.Equal("2025-01-10T00:00:00Z", certificate.GetProperty("firstSeenDateTime").GetString());
        Assert.Equal("2025-01-20T00:00:00Z", certificate.GetProperty("lastSeenDateTime").GetString());
        var related = (await Reader.GetJsonAsync($"{Graph.Root}/sslCertificates/{GraphIds.Compose(NmapScans.CertificateSha1)}/relatedHosts")).Values()
            .Select(h => h.GetProperty("id").GetString()).Order().ToList();
        Assert.Equal(["198.51.100.7", "www.example.org"], related);

        var (again, repeat) = await IngestTextAsync(Sighting("www.example.org", 443, "2025-01-05T00:00:00Z", "2025-03-01T00:00:00Z"), "/ingest/certsightings?name=later.jsonl");
        Assert.Equal(200, again);
        Assert.Equal(1, repeat.GetProperty("merged").GetInt32());
        var link = (await Reader.GetJsonAsync($"{Graph.Root}/hosts/www.example.org/sslCertificates")).Values().Single();
        Assert.Equal("2025-01-05T00:00:00Z", link.GetProperty("firstSeenDateTime").GetString());
        Assert.Equal("2025-03-01T00:00:00Z", link.GetProperty("lastSeenDateTime").GetString());
        var ports = link.GetProperty("ports").EnumerateArray().ToDictionary(p => p.GetProperty("port").GetInt32(), p => p.GetProperty("firstSeenDateTime").GetString() + ".." + p.GetProperty("lastSeenDateTime").GetString());
        Assert.Equal("2025-01-05T00:00:00Z..2025-03-01T00:00:00Z", ports[443]);
        Assert.Equal("2025-01-15T00:00:00Z..2025-01-15T00:00:00Z", ports[8443]);
        var host = await Reader.GetJsonAsync($"{Graph.Root}/hosts/www.example.org");
        Assert.Equal("2025-03-01T00:00:00Z", host.GetProperty("lastSeenDateTime").GetString());
    }

    [Fact]
    public async Task Importing_the_same_sightings_twice_changes_nothing()
    {
        Assert.Equal(200, (await IngestTextAsync(Sightings, "/ingest/certsightings?name=sightings.jsonl")).Status);
        var before = await Reader.GetStringAsync($"{Graph.Root}/hosts/www.example.org/sslCertificates");
        var (status, report) = await IngestTextAsync(Sightings, "/ingest/certsightings?name=sightings.jsonl");
        Assert.Equal(200, status);
        Assert.Equal(3, report.GetProperty("alreadyImported").GetInt32());
        Assert.Equal(before, await Reader.GetStringAsync($"{Graph.Root}/hosts/www.example.org/sslCertificates"));
    }

    [Fact]
    public async Task A_corrupt_sighting_stores_nothing_from_its_batch_and_names_the_line()
    {
        var content = Sightings + "\n" + Sighting("bad.example.org", 70_000, "2025-01-01T00:00:00Z");
        var (status, body) = await IngestTextAsync(content, "/ingest/certsightings?name=bad.jsonl");
        Assert.Equal(422, status);
        var detail = body.GetProperty("error").GetProperty("details").EnumerateArray().Single();
        Assert.Equal("bad.jsonl:4", detail.GetProperty("target").GetString());
        Assert.Contains("70000", detail.GetProperty("message").GetString());
        Assert.Equal("itemNotFound", await Reader.GetErrorAsync($"{Graph.Root}/hosts/www.example.org", 404));
        Assert.Empty((await Reader.GetJsonAsync($"{Graph.Root}/sslCertificates")).Values());
    }
}
