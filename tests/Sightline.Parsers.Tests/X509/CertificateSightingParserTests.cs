using System.Text.Json;
using Sightline.Parsers.Common;
using Sightline.Parsers.X509;

namespace Sightline.Parsers.Tests.X509;

/// <summary>The JSON-lines sighting format: one certificate seen on one host and port per line.</summary>
public sealed class CertificateSightingParserTests
{
    private static readonly CertificateRecord _root = X509TestFiles.ParseSingleVector("PKITS_data/certs/TrustAnchorRootCertificate.crt");
    private static readonly string _rootPem = CertificateInputTests.Pem("CERTIFICATE", _root.Der);
    private static readonly string _rootBase64 = Convert.ToBase64String(_root.Der);

    [Fact]
    public void Reads_a_pem_sighting_with_its_certificate_and_utc_times()
    {
        var line = Line(new { host = "Contoso.COM.", port = 443, seen = "2026-10-01T14:00:00+02:00", pem = _rootPem });

        var only = Assert.Single(Parse(line));

        Assert.Null(only.Error);
        var record = only.Record!;
        Assert.Equal(("contoso.com", 443), (record.Host, record.Port));
        Assert.Equal(new DateTimeOffset(2026, 10, 1, 12, 0, 0, TimeSpan.Zero), record.Seen);
        Assert.Equal(TimeSpan.Zero, record.Seen.Offset);
        Assert.Null(record.LastSeen);
        Assert.Equal(_root.Sha1, record.Certificate.Sha1);
    }

    [Fact]
    public void Reads_a_der_sighting_with_last_seen()
    {
        var line = Line(new { host = "8.8.8.8", port = 8443, seen = "2026-10-01T12:00:00Z", lastSeen = "2026-10-02T12:00:00Z", der = _rootBase64 });

        var record = Assert.Single(Parse(line)).Record;

        Assert.NotNull(record);
        Assert.Equal(new DateTimeOffset(2026, 10, 2, 12, 0, 0, TimeSpan.Zero), record.LastSeen);
        Assert.Equal(_root.Der, record.Certificate.Der);
    }

    [Theory]
    [InlineData("upper case with trailing dot", "WWW.Contoso.com.", "www.contoso.com")]
    [InlineData("IPv4", "192.0.2.10", "192.0.2.10")]
    [InlineData("IPv6 long form", "2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::1")]
    [InlineData("bracketed IPv6", "[2001:db8::1]", "2001:db8::1")]
    [InlineData("internationalised name", "Bücher.example", "xn--bcher-kva.example")]
    [InlineData("underscore label", "_dmarc.contoso.com", "_dmarc.contoso.com")]
    public void Normalises_the_host(string name, string host, string expected)
    {
        var record = Assert.Single(Parse(Line(new { host, port = 443, seen = "2026-10-01T12:00:00Z", der = _rootBase64 }))).Record;

        Assert.True(record is not null, name);
        Assert.Equal(expected, record.Host);
    }

    [Theory]
    [InlineData("broken JSON", "{\"host\":\"a.com\",", "invalid JSON")]
    [InlineData("not an object", "[1,2,3]", "must be a JSON object")]
    [InlineData("missing host", "{\"port\":443,\"seen\":\"2026-10-01T12:00:00Z\",\"der\":\"DER\"}", "missing or non-string 'host'")]
    [InlineData("bad host", "{\"host\":\"a b.com\",\"port\":443,\"seen\":\"2026-10-01T12:00:00Z\",\"der\":\"DER\"}", "is not a valid host name")]
    [InlineData("short IPv4", "{\"host\":\"10.1\",\"port\":443,\"seen\":\"2026-10-01T12:00:00Z\",\"der\":\"DER\"}", "not a valid IPv4 address")]
    [InlineData("missing port", "{\"host\":\"a.com\",\"seen\":\"2026-10-01T12:00:00Z\",\"der\":\"DER\"}", "missing or non-numeric 'port'")]
    [InlineData("port as string", "{\"host\":\"a.com\",\"port\":\"443\",\"seen\":\"2026-10-01T12:00:00Z\",\"der\":\"DER\"}", "missing or non-numeric 'port'")]
    [InlineData("port zero", "{\"host\":\"a.com\",\"port\":0,\"seen\":\"2026-10-01T12:00:00Z\",\"der\":\"DER\"}", "port 0 is not an integer in 1..65535")]
    [InlineData("port too large", "{\"host\":\"a.com\",\"port\":65536,\"seen\":\"2026-10-01T12:00:00Z\",\"der\":\"DER\"}", "port 65536 is not an integer in 1..65535")]
    [InlineData("fractional port", "{\"host\":\"a.com\",\"port\":443.5,\"seen\":\"2026-10-01T12:00:00Z\",\"der\":\"DER\"}", "port 443.5 is not an integer in 1..65535")]
    [InlineData("missing seen", "{\"host\":\"a.com\",\"port\":443,\"der\":\"DER\"}", "missing 'seen'")]
    [InlineData("bad seen", "{\"host\":\"a.com\",\"port\":443,\"seen\":\"yesterday\",\"der\":\"DER\"}", "'seen' is not an ISO 8601 timestamp")]
    [InlineData("last seen before seen", "{\"host\":\"a.com\",\"port\":443,\"seen\":\"2026-10-01T12:00:00Z\",\"lastSeen\":\"2026-09-01T12:00:00Z\",\"der\":\"DER\"}", "'lastSeen' is earlier than 'seen'")]
    [InlineData("no certificate", "{\"host\":\"a.com\",\"port\":443,\"seen\":\"2026-10-01T12:00:00Z\"}", "missing 'pem' or 'der'")]
    [InlineData("both encodings", "{\"host\":\"a.com\",\"port\":443,\"seen\":\"2026-10-01T12:00:00Z\",\"der\":\"DER\",\"pem\":\"PEM\"}", "either 'pem' or 'der', not both")]
    [InlineData("der not base64", "{\"host\":\"a.com\",\"port\":443,\"seen\":\"2026-10-01T12:00:00Z\",\"der\":\"%%%\"}", "'der' is not valid base64")]
    [InlineData("der not a certificate", "{\"host\":\"a.com\",\"port\":443,\"seen\":\"2026-10-01T12:00:00Z\",\"der\":\"MAMCAQE=\"}", "not a decodable X.509 certificate")]
    [InlineData("pem without block", "{\"host\":\"a.com\",\"port\":443,\"seen\":\"2026-10-01T12:00:00Z\",\"pem\":\"hello\"}", "'pem' holds no PEM block")]
    [InlineData("pem private key", "{\"host\":\"a.com\",\"port\":443,\"seen\":\"2026-10-01T12:00:00Z\",\"pem\":\"-----BEGIN PRIVATE KEY-----\\nAAAA\\n-----END PRIVATE KEY-----\"}", "PEM block 'PRIVATE KEY' is not a certificate")]
    [InlineData("pem broken base64", "{\"host\":\"a.com\",\"port\":443,\"seen\":\"2026-10-01T12:00:00Z\",\"pem\":\"-----BEGIN CERTIFICATE-----\\n!!\\n-----END CERTIFICATE-----\"}", "has broken base64")]
    public void Rejects_a_bad_line_with_its_reason_and_reads_the_next(string name, string badLine, string reason)
    {
        var good = Line(new { host = "a.com", port = 443, seen = "2026-10-01T12:00:00Z", der = _rootBase64 });
        var bad = badLine.Replace("\"DER\"", $"\"{_rootBase64}\"", StringComparison.Ordinal)
            .Replace("\"PEM\"", JsonSerializer.Serialize(_rootPem), StringComparison.Ordinal);

        var results = Parse($"{good}\n{bad}\n{good}\n");

        Assert.Equal([1L, 2L, 3L], results.Select(r => r.Position));
        Assert.True(results[1].IsError, name);
        Assert.Contains(reason, results[1].Error);
        Assert.NotNull(results[0].Record);
        Assert.NotNull(results[2].Record);
    }

    [Fact]
    public void Rejects_a_pem_holding_a_chain_rather_than_one_certificate()
    {
        var line = Line(new { host = "a.com", port = 443, seen = "2026-10-01T12:00:00Z", pem = _rootPem + _rootPem });

        Assert.Equal("'pem' holds more than one PEM block; a sighting carries one certificate", Assert.Single(Parse(line)).Error);
    }

    [Fact]
    public void Skips_blank_lines_but_counts_them_in_positions()
    {
        var good = Line(new { host = "a.com", port = 443, seen = "2026-10-01T12:00:00Z", der = _rootBase64 });

        var results = Parse($"\n{good}\n   \n{good}");

        Assert.Equal([2L, 4L], results.Select(r => r.Position));
        Assert.All(results, r => Assert.NotNull(r.Record));
    }

    private static string Line(object value) => JsonSerializer.Serialize(value);

    private static List<Parsed<CertificateSightingRecord>> Parse(string text)
    {
        using var reader = new StringReader(text);
        return CertificateSightingParser.Parse(reader).ToList();
    }
}
