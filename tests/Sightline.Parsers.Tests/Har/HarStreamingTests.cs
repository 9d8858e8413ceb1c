using System.Diagnostics;
using System.Text;
using Sightline.Parsers.Har;
using Xunit.Abstractions;

namespace Sightline.Parsers.Tests.Har;

public sealed class HarStreamingTests(ITestOutputHelper output)
{
    /// <summary>A crawl of <paramref name="sites"/> pages: an HTML document, a CDN script and an image each.</summary>
    private static byte[] GenerateCrawl(int sites, int htmlPadding)
    {
        var sb = new StringBuilder("{\"log\":{\"version\":\"1.2\",\"creator\":{\"name\":\"generator\",\"version\":\"1\"},\"entries\":[");
        var filler = new string('x', htmlPadding);
        for (var i = 0; i < sites; i++)
        {
            var page = $"p{i}";
            var time = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(i).ToString("O");
            var html = $"<html><head><meta name=\\\"generator\\\" content=\\\"WordPress 6.{i % 5}\\\"><script src=\\\"https://cdn.example/jquery-3.{i % 7}.1.min.js\\\"></script>" +
                       $"<script>gtag('config', 'G-{i:D8}X');</script></head><body><p>{filler}</p></body></html>";
            sb.Append(i == 0 ? "" : ",")
              .Append($"{{\"pageref\":\"{page}\",\"startedDateTime\":\"{time}\",\"request\":{{\"url\":\"https://site{i}.example/\",\"headers\":[]}},")
              .Append($"\"response\":{{\"status\":200,\"headers\":[{{\"name\":\"Server\",\"value\":\"nginx/1.2{i % 3}.0\"}}],\"content\":{{\"mimeType\":\"text/html\",\"text\":\"{html}\"}}}}}},")
              .Append($"{{\"pageref\":\"{page}\",\"startedDateTime\":\"{time}\",\"_resourceType\":\"script\",\"request\":{{\"url\":\"https://cdn.example/jquery-3.{i % 7}.1.min.js\",\"headers\":[]}},\"response\":{{\"status\":200,\"headers\":[],\"content\":{{\"mimeType\":\"application/javascript\"}}}}}},")
              .Append($"{{\"pageref\":\"{page}\",\"startedDateTime\":\"{time}\",\"request\":{{\"url\":\"https://img{i % 10}.example/a.png\",\"headers\":[]}},\"response\":{{\"status\":200,\"headers\":[],\"content\":{{\"mimeType\":\"image/png\"}}}}}}");
        }
        return Encoding.UTF8.GetBytes(sb.Append("]}}").ToString());
    }

    [Fact]
    public void Streams_a_generated_crawl_and_reports_every_page()
    {
        const int sites = 400;
        var bytes = GenerateCrawl(sites, htmlPadding: 4000);
        HarReader.Read(new MemoryStream(GenerateCrawl(2, 10))).ToList(); // warm the catalogue and regexes

        var watch = Stopwatch.StartNew();
        var results = HarReader.Read(new MemoryStream(bytes)).ToList();
        watch.Stop();

        Assert.DoesNotContain(results, r => r.IsError);
        Assert.Equal(sites, results.Only<HarTrackerObservation>().Count(t => t.Kind == "GoogleAnalytics4ID"));
        Assert.Equal(sites, results.Only<HarComponentObservation>().Count(c => c.Name == "WordPress" && c.Version.StartsWith("6.", StringComparison.Ordinal)));
        Assert.Equal(sites, results.Only<HarComponentObservation>().Count(c => c.Name == "jQuery" && c.Version.Length > 0));
        Assert.Equal(sites * 2, results.Only<HarHostPairObservation>().Count());
        output.WriteLine($"{sites * 3} entries, {bytes.Length / 1024} KB, {results.Count} observations in {watch.ElapsedMilliseconds} ms: " +
                         $"{sites * 3 / watch.Elapsed.TotalSeconds:F0} entries/s, {results.Count / watch.Elapsed.TotalSeconds:F0} observations/s, " +
                         $"{bytes.Length / 1048576.0 / watch.Elapsed.TotalSeconds:F1} MB/s");
    }

    [Fact]
    public void Reads_an_entry_larger_than_the_initial_buffer()
    {
        // One 1 MB document: the reader must grow its 64 KB buffer to hold the whole entry.
        var bytes = GenerateCrawl(1, htmlPadding: 1024 * 1024);

        var results = HarReader.Read(new TrickleStream(bytes, chunk: 50_000)).ToList();

        Assert.DoesNotContain(results, r => r.IsError);
        Assert.Contains(results.Only<HarTrackerObservation>(), t => t.Value == "G-00000000X");
    }
}
