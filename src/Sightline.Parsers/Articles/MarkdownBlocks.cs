namespace Sightline.Parsers.Articles;

/// <summary>
/// Just enough Markdown block structure to find an article's first <c># heading</c> and first paragraph,
/// skipping fenced code, tables, lists, quotes, HTML and images (none of which reads as a summary).
/// </summary>
internal static class MarkdownBlocks
{
    /// <summary>The text of the first level-1 ATX heading outside code fences, and its line index.</summary>
    public static (string Text, int Index)? FirstHeading(IReadOnlyList<string> lines, int start)
    {
        var inFence = false;
        for (var i = start; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (IsFence(line))
            {
                inFence = !inFence;
            }
            else if (!inFence && line.StartsWith("# ", StringComparison.Ordinal))
            {
                var text = line[2..].TrimEnd('#', ' ', '\t').Trim();
                if (text.Length > 0)
                {
                    return (text, i);
                }
            }
        }
        return null;
    }

    /// <summary>The first plain paragraph, its lines joined by spaces; null when there is none.</summary>
    public static string? FirstParagraph(IReadOnlyList<string> lines, int start)
    {
        var inFence = false;
        List<string>? paragraph = null;
        for (var i = start; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            var fence = IsFence(line);
            inFence ^= fence;
            if (paragraph is not null && (line.Length == 0 || fence || StartsOtherBlock(line)))
            {
                break;
            }
            if (!inFence && !fence && line.Length > 0 && !StartsOtherBlock(line))
            {
                (paragraph ??= []).Add(line);
            }
        }
        return paragraph is null ? null : string.Join(' ', paragraph);
    }

    private static bool IsFence(string line) =>
        line.StartsWith("```", StringComparison.Ordinal) || line.StartsWith("~~~", StringComparison.Ordinal);

    private static bool StartsOtherBlock(string line) =>
        line[0] is '#' or '|' or '>' or '<'
        || line is ['-' or '*' or '+', ' ', ..]
        || line.All(c => c is '-' or '*' or '_' or '=' or ' ')
        || line.StartsWith("![", StringComparison.Ordinal)
        || (char.IsAsciiDigit(line[0]) && line.AsSpan().TrimStart("0123456789") is ['.' or ')', ' ', ..]);
}
