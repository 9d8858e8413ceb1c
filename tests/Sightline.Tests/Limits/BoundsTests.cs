using System.Net;
using System.Net.Http.Headers;
using Sightline.Auth;
using Sightline.Limits;
using Sightline.OData;
using Sightline.Tests.Support;

namespace Sightline.Tests.Limits;

public sealed class BoundsTests : IAsyncLifetime
{
    private SightlineServer _server = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await SightlineServer.StartAsync(loadDemo: false, settings: s => s with
        {
            Limits = s.Limits with
            {
                MaxUrlLength = 300,
                MaxIngestBytes = 100,
                Query = new QueryLimits { MaxFilterLength = 120, MaxFilterNodes = 5, MaxSearchLength = 20 },
            },
        });
        _client = _server.Client();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_url_over_the_maximum_length_answers_414()
    {
        await _client.GetJsonAsync(Graph.Root + "/hosts/" + new string('a', 200) + ".com", 404);
        Assert.Equal("RequestUriTooLong", await _client.GetErrorAsync(Graph.Root + "/hosts/" + new string('a', 300) + ".com", 414));
    }

    [Fact]
    public async Task A_long_filter_answers_400()
    {
        var filter = "title eq '" + new string('x', 120) + "'";
        var message = await ErrorMessageAsync(Graph.Root + "/articles?$filter=" + Uri.EscapeDataString(filter), 400);
        Assert.Contains("$filter is", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_filter_with_too_many_terms_answers_400()
    {
        await _client.GetJsonAsync(Graph.Root + "/articles?$filter=title eq 'a'");
        var message = await ErrorMessageAsync(Graph.Root + "/articles?$filter=title eq 'a' or title eq 'b' or title eq 'c'", 400);
        Assert.Contains("too complex", message, StringComparison.Ordinal);
        message = await ErrorMessageAsync(Graph.Root + "/articles?$filter=title in ('a','b','c','d','e','f')", 400);
        Assert.Contains("too complex", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_search_answers_400()
    {
        await _client.GetJsonAsync(Graph.Root + "/articles?$search=\"ransomware\"");
        var message = await ErrorMessageAsync(Graph.Root + "/articles?$search=\"" + string.Join(' ', Enumerable.Repeat("word", 10)) + "\"", 400);
        Assert.Contains("$search is", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nested_expand_beyond_the_depth_answers_400()
    {
        await _client.GetJsonAsync(Graph.Root + "/intelProfiles?$expand=indicators");
        var message = await ErrorMessageAsync(Graph.Root + "/intelProfiles?$expand=indicators($expand=artifact)", 400);
        Assert.Contains("$expand", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_top_above_1000_is_served_in_pages_of_1000()
    {
        Assert.Equal(1000, new PagingOptions().MaxPageSize);
        await _client.GetJsonAsync(Graph.Root + "/articles?$top=5000");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_ingest_body_over_the_maximum_answers_413(bool withLength)
    {
        using var client = _server.Client(_server.Token(roles: [Permissions.Ingest]));
        var bytes = new byte[1000];
        Array.Fill(bytes, (byte)'a');
        using HttpContent content = withLength ? new ByteArrayContent(bytes) : new StreamContent(new MemoryStream(bytes));
        if (!withLength)
        {
            content.Headers.ContentLength = null;
        }
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        using var response = await client.PostAsync("/ingest/cof", content);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("\"RequestEntityTooLarge\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<string> ErrorMessageAsync(string url, int status)
    {
        var json = await _client.GetJsonAsync(url, status);
        Assert.Equal("BadRequest", json.GetProperty("error").GetProperty("code").GetString());
        return json.GetProperty("error").GetProperty("message").GetString()!;
    }
}
