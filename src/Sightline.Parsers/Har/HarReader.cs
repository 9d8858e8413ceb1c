using Sightline.Parsers.Common;
using Sightline.Parsers.Har.Technologies;

namespace Sightline.Parsers.Har;

/// <summary>
/// Reads a HAR 1.2 crawl (Chrome, Firefox, WebPageTest, crawler exports) and yields what it shows about the
/// hosts involved: web technologies (Wappalyzer fingerprints), tracker ids, cookies, and host pairs (redirects
/// and the hosts a page loads resources from).
/// <para>
/// Position is the 1-based index of the entry in <c>log.entries</c>; 0 marks a failure of the document itself
/// (not JSON, no <c>log</c>, no <c>entries</c>), after which nothing more is read. A bad entry (no request URL,
/// a URL that is not absolute http(s), a missing or malformed <c>startedDateTime</c>) fails alone. A redirect
/// chain whose target was never fetched is reported after the last entry, at the position of its last redirect.
/// </para>
/// </summary>
internal static class HarReader
{
    public static IEnumerable<Parsed<HarObservation>> Read(Stream stream) => Read(stream, TechnologyCatalog.Default);

    public static IEnumerable<Parsed<HarObservation>> Read(Stream stream, TechnologyCatalog catalog)
    {
        var entries = new HarEntryStream(stream);
        var analyzer = new HarCrawlAnalyzer(catalog);
        long position = 0;
        while (true)
        {
            var (document, error) = entries.Next();
            if (error is not null)
            {
                // Syntax errors inside the array belong to the entry being read; anything earlier to the document.
                yield return entries.ReachedEntries
                    ? Parsed<HarObservation>.Fail(position + 1, error + "; the rest of the document is unreadable")
                    : Parsed<HarObservation>.Fail(0, error);
                break;
            }
            if (document is null)
            {
                break;
            }
            position++;
            var (entry, entryError) = ReadEntry(document);
            if (entry is null)
            {
                yield return Parsed<HarObservation>.Fail(position, entryError!);
                continue;
            }
            foreach (var observation in analyzer.Analyze(entry, position))
            {
                yield return Parsed<HarObservation>.Ok(position, observation);
            }
        }
        foreach (var (at, pair) in analyzer.Finish())
        {
            yield return Parsed<HarObservation>.Ok(at, pair);
        }
    }

    private static (HarEntry?, string?) ReadEntry(System.Text.Json.JsonDocument document)
    {
        using (document)
        {
            try
            {
                return HarEntry.From(document.RootElement);
            }
            catch (InvalidOperationException e)
            {
                return (null, JsonText.Invalid(e));
            }
        }
    }
}
