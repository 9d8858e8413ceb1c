namespace Sightline.Parsers.Blocklists;

/// <summary>The lines of a plain-text list (ipsum, maltrail): trimmed, blank lines skipped, numbered from 1.</summary>
internal static class ListLines
{
    public static IEnumerable<(long Number, string Text)> Read(TextReader reader)
    {
        long number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Trim() is { Length: > 0 } text)
            {
                yield return (number, text);
            }
        }
    }
}
