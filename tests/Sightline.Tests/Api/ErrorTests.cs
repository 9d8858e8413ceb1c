using System.Net.Http.Headers;
using Sightline.Tests.Support;
using static Sightline.Tests.Support.TestData;

namespace Sightline.Tests.Api;

/// <summary>Every failure answers in Graph's error envelope with the right status.</summary>
[Collection("known")]
public sealed class ErrorTests(KnownDataFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;

    [Theory]
    [InlineData("/v1.0/security/threatIntelligence/hosts/unknown.example", 404, "itemNotFound")]
    [InlineData("/v1.0/security/threatIntelligence/hosts/unknown.example/passiveDns", 404, "itemNotFound")]
    [InlineData("/v1.0/security/threatIntelligence/hosts/unknown.example/passiveDns/$count", 404, "itemNotFound")]
    [InlineData("/v1.0/security/threatIntelligence/hosts/unknown.example/reputation", 404, "itemNotFound")]
    [InlineData("/v1.0/security/threatIntelligence/hosts/20.103.85.33/whois", 404, "itemNotFound")]
    [InlineData("/v1.0/security/threatIntelligence/articles/ffffffff", 404, "itemNotFound")]
    [InlineData("/v1.0/security/threatIntelligence/articles/ffffffff/indicators", 404, "itemNotFound")]
    [InlineData("/v1.0/security/threatIntelligence/vulnerabilities/CVE-1999-0001", 404, "itemNotFound")]
    [InlineData("/v1.0/security/threatIntelligence/hostPairs/bm90LWFuLWlk", 404, "itemNotFound")]
    [InlineData("/v1.0/security/threatIntelligence/sslCertificates/bm90LWFuLWlk/relatedHosts", 404, "itemNotFound")]
    [InlineData("/v1.0/security/threatIntelligence/intelProfileIndicators", 400, "BadRequest")]
    [InlineData("/v1.0/security/threatIntelligence/hosts/contoso.example/whoisHistoryRecords", 400, "BadRequest")]
    [InlineData("/v1.0/security/threatIntelligence/pdns", 400, "BadRequest")]
    [InlineData("/v1.0/security/threatIntelligence", 400, "BadRequest")]
    [InlineData("/v1.0/security/somethingElse", 400, "BadRequest")]
    [InlineData("/v1.0/security/threatIntelligence/hosts/contoso.example/$count", 400, "BadRequest")]
    [InlineData("/v1.0/security/threatIntelligence/hosts('contoso.example')/reputation('x')", 400, "BadRequest")]
    [InlineData("/v2.0/security/threatIntelligence/hosts/contoso.example", 404, "itemNotFound")]
    [InlineData("/nothing/here", 404, "itemNotFound")]
    public async Task Unknown_routes_and_ids_fail_the_graph_way(string url, int status, string code)
    {
        Assert.Equal(code, await _client.GetErrorAsync(url, status));
    }

    [Theory]
    [InlineData("?$top=abc")]
    [InlineData("?$top=-1")]
    [InlineData("?$skip=1.5")]
    [InlineData("?$count=maybe")]
    [InlineData("?$top=1&$top=2")]
    [InlineData("?$top=1&top=2")]
    [InlineData("?$filter=recordType eq")]
    [InlineData("?$filter=noSuchProperty eq 'A'")]
    [InlineData("?$filter=recordType eq 'A' and")]
    [InlineData("?$filter=firstSeenDateTime ge 'yesterday'")]
    [InlineData("?$filter=recordType")]
    [InlineData("?$filter=length(recordType) eq 1")]
    [InlineData("?$orderby=noSuchProperty")]
    [InlineData("?$orderby=lastSeenDateTime sideways")]
    [InlineData("?$select=noSuchProperty")]
    [InlineData("?$expand=parentHost")]
    [InlineData("?$expand=noSuchThing")]
    [InlineData("?$search=anything")]
    public async Task Malformed_query_options_are_a_400(string query)
    {
        Assert.Equal("BadRequest", await _client.GetErrorAsync($"{Graph.Root}/hosts/{Domain}/passiveDns{query}", 400));
    }

    [Theory]
    [InlineData("/whoisRecords?$search=\"no colon here\"")]
    [InlineData("/whoisRecords?$search=\"rawWhoisText:x\"")]
    [InlineData("/whoisRecords?$search=\"host/id:contoso.example\"")]
    [InlineData("/sslCertificates?$search=\"issuer:Contoso\"")]
    [InlineData("/sslCertificates?$search=\"validity:today\"")]
    [InlineData("/articles?$search=\"\"")]
    public async Task Searches_that_graph_does_not_define_are_a_400(string relative)
    {
        Assert.Equal("BadRequest", await _client.GetErrorAsync(Graph.Root + relative, 400));
    }

    [Fact]
    public async Task Missing_or_invalid_tokens_get_401_and_missing_permission_gets_403()
    {
        var url = $"{Graph.Root}/hosts/{Domain}";
        var anonymous = fixture.Server.AnonymousClient();
        Assert.Equal("InvalidAuthenticationToken", await anonymous.GetErrorAsync(url, 401));
        using (var response = await anonymous.GetAsync(url))
        {
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        }

        var garbage = fixture.Server.Client("not-a-jwt");
        Assert.Equal("InvalidAuthenticationToken", await garbage.GetErrorAsync(url, 401));

        var expired = fixture.Server.Client(Sightline.Auth.LocalTokens.Create(Sightline.Auth.SigningKey.LoadOrCreate(fixture.Server.DataDir), TimeSpan.FromMinutes(5), notBefore: DateTime.UtcNow.AddHours(-2)));
        Assert.Equal("InvalidAuthenticationToken", await expired.GetErrorAsync(url, 401));

        var otherKey = Sightline.Auth.LocalTokens.Create(new Microsoft.IdentityModel.Tokens.ECDsaSecurityKey(System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256)), TimeSpan.FromHours(1));
        Assert.Equal("InvalidAuthenticationToken", await fixture.Server.Client(otherKey).GetErrorAsync(url, 401));

        var noPermission = fixture.Server.Client(fixture.Server.Token(roles: ["User.Read.All"]));
        Assert.Equal("Authorization_RequestDenied", await noPermission.GetErrorAsync(url, 403));

        var delegated = fixture.Server.Client(fixture.Server.Token(scopes: ["openid", "ThreatIntelligence.Read.All"]));
        await delegated.GetJsonAsync(url);
        var delegatedWithout = fixture.Server.Client(fixture.Server.Token(scopes: ["openid", "profile"]));
        Assert.Equal("Authorization_RequestDenied", await delegatedWithout.GetErrorAsync(url, 403));
    }

    [Fact]
    public async Task Writes_are_refused_because_the_api_is_read_only()
    {
        using var response = await _client.PostAsync($"{Graph.Root}/hosts", new StringContent("{}", new MediaTypeHeaderValue("application/json")));
        Assert.Equal(405, (int)response.StatusCode);
        Assert.Contains("\"MethodNotAllowed\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Error_envelope_echoes_the_client_request_id()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Graph.Root}/hosts/unknown.example");
        request.Headers.Add("client-request-id", "abc-123");
        using var response = await _client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"client-request-id\":\"abc-123\"", body);
        Assert.Equal("abc-123", response.Headers.GetValues("client-request-id").Single());
        Assert.Contains(response.Headers.GetValues("request-id").Single(), body);
    }
}
