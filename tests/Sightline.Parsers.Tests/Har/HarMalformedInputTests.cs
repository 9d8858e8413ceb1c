using Sightline.Parsers.Har;

namespace Sightline.Parsers.Tests.Har;

public sealed class HarMalformedInputTests
{
    [Theory]
    [InlineData("not_json", "this is not a HAR", "not valid JSON")]
    [InlineData("empty", "", "the document is empty")]
    [InlineData("array_root", "[1,2]", "the document is not a JSON object")]
    [InlineData("no_log", """{"version":"1.2","entries":[]}""", "the document has no log object")]
    [InlineData("log_not_object", """{"log":[]}""", "log is not an object")]
    [InlineData("no_entries", """{"log":{"version":"1.2","pages":[]}}""", "log has no entries array")]
    [InlineData("entries_not_array", """{"log":{"entries":{}}}""", "log.entries is not an array")]
    [InlineData("truncated_header", """{"log":{"version":"1.2","creator":{"name":""", "not valid JSON")]
    public void Rejects_an_unreadable_document_with_one_failure_at_position_0(string name, string json, string reason)
    {
        var results = HarFixtures.ReadText(json);

        var failure = Assert.Single(results);
        Assert.True(failure.IsError, name);
        Assert.Equal(0, failure.Position);
        Assert.Contains(reason, failure.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_an_empty_entries_array_as_nothing()
    {
        Assert.Empty(HarFixtures.ReadText("""{"log":{"version":"1.2","entries":[]}}"""));
    }

    [Theory]
    [InlineData("not_an_object", "42", "the entry is not a JSON object")]
    [InlineData("no_request", """{"startedDateTime":"2024-03-05T10:15:30Z"}""", "the entry has no request object")]
    [InlineData("no_url", """{"startedDateTime":"2024-03-05T10:15:30Z","request":{"method":"GET"}}""", "request.url is missing")]
    [InlineData("relative_url", """{"startedDateTime":"2024-03-05T10:15:30Z","request":{"url":"/index.html"}}""", "request.url is not an absolute http(s) URL: '/index.html'")]
    [InlineData("data_url", """{"startedDateTime":"2024-03-05T10:15:30Z","request":{"url":"data:text/plain,hi"}}""", "request.url is not an absolute http(s) URL")]
    [InlineData("garbage_url", """{"startedDateTime":"2024-03-05T10:15:30Z","request":{"url":"http://exa mple.com/"}}""", "request.url is not an absolute http(s) URL")]
    [InlineData("no_date", """{"request":{"url":"https://ok.example/"}}""", "startedDateTime is missing or not an ISO 8601 date")]
    [InlineData("bad_date", """{"startedDateTime":"yesterday","request":{"url":"https://ok.example/"}}""", "startedDateTime is missing or not an ISO 8601 date")]
    [InlineData("lone_surrogate_url", """{"startedDateTime":"2024-03-05T10:15:30Z","request":{"url":"https://x.example/\ud800"}}""", "a value is not valid text")]
    [InlineData("date_without_time", """{"startedDateTime":"2024-03-05","request":{"url":"https://ok.example/"}}""", "startedDateTime is missing or not an ISO 8601 date")]
    public void Rejects_a_bad_entry_at_its_position_and_reads_the_next(string name, string badEntry, string reason)
    {
        var json = HarFixtures.Document(HarFixtures.Entry("https://first.example/"), badEntry, HarFixtures.Entry("https://third.example/"));

        var results = HarFixtures.ReadText(json);

        var failure = Assert.Single(results, r => r.IsError);
        Assert.Equal(2, failure.Position);
        Assert.StartsWith(reason, failure.Error, StringComparison.Ordinal);
        var hosts = results.Only<HarComponentObservation>().Select(c => c.Host).ToList();
        Assert.True(hosts.SequenceEqual(["first.example", "third.example"]), name);
        Assert.Equal([1L, 3L], results.Where(r => !r.IsError).Select(r => r.Position));
    }

    [Fact]
    public void Keeps_the_entries_before_a_syntax_error_and_blames_the_entry_being_read()
    {
        var json = "{\"log\":{\"entries\":[" + HarFixtures.Entry("https://first.example/") + ",{\"startedDateTime\":\"2024-03-05T10:15:30Z\",\"request\":{\"url\":\"https://x.exa";

        var results = HarFixtures.ReadText(json);

        Assert.Equal("first.example", Assert.Single(results.Only<HarComponentObservation>()).Host);
        var failure = Assert.Single(results, r => r.IsError);
        Assert.Equal(2, failure.Position);
        Assert.Contains("the rest of the document is unreadable", failure.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Ignores_members_it_does_not_need_whatever_their_order()
    {
        var json = "{\"comment\":{\"nested\":[1,{\"a\":\"b\"}]},\"log\":{\"pages\":[{\"id\":\"p\",\"title\":\"x\"}],\"entries\":[" +
            HarFixtures.Entry("https://late.example/") + "],\"creator\":{\"name\":\"x\"}},\"after\":true}";

        var results = HarFixtures.ReadText(json);

        Assert.Equal("late.example", Assert.Single(results.Only<HarComponentObservation>()).Host);
        Assert.DoesNotContain(results, r => r.IsError);
    }

    [Fact]
    public void Accepts_a_byte_order_mark()
    {
        var json = "\uFEFF" + HarFixtures.Document(HarFixtures.Entry("https://bom.example/"));

        var results = HarFixtures.ReadText(json);

        Assert.Equal("bom.example", Assert.Single(results.Only<HarComponentObservation>()).Host);
    }
}
