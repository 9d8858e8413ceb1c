using System.Text.RegularExpressions;

namespace Sightline.Data.Ingestion;

/// <summary>Tidies ATT&amp;CK text: drops <c>(Citation: ...)</c> markers and derives plain-text summaries.</summary>
internal static partial class MarkdownText
{
    public static string StripCitations(string text) => Citation().Replace(text, "").Trim();

    /// <summary>The first paragraph with markdown links reduced to their text.</summary>
    public static string FirstParagraphText(string markdown)
    {
        var paragraph = markdown.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        return Link().Replace(paragraph, "$1");
    }

    [GeneratedRegex(@"\s*\(Citation:[^)]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex Citation();

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]+\)", RegexOptions.CultureInvariant)]
    private static partial Regex Link();
}
