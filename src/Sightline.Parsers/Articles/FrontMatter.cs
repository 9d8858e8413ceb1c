using System.Globalization;

namespace Sightline.Parsers.Articles;

/// <summary>One front matter key: its 1-based line, and either a scalar or a list value.</summary>
internal sealed record FrontMatterEntry(int Line, string? Scalar, IReadOnlyList<string>? List);

/// <summary>
/// The small YAML subset articles use between <c>---</c> lines at the top of the file: <c>key: value</c>,
/// <c>key: [a, b]</c>, <c>key:</c> followed by <c>- item</c> lines, <c>key: &gt;</c> or <c>|</c> followed by indented
/// text, quoted values, and <c># comments</c>. Anything else is rejected with its line, rather than guessed at.
/// </summary>
internal sealed class FrontMatter
{
    private FrontMatter(Dictionary<string, FrontMatterEntry> entries, int bodyStart)
    {
        Entries = entries;
        BodyStart = bodyStart;
    }

    /// <summary>Keys compared case-insensitively.</summary>
    public IReadOnlyDictionary<string, FrontMatterEntry> Entries { get; }

    /// <summary>The 0-based index of the first body line.</summary>
    public int BodyStart { get; }

    public static FrontMatter Empty { get; } = new(new(StringComparer.OrdinalIgnoreCase), 0);

    /// <summary>Parses the block if the first line is <c>---</c>; else the whole file is body.</summary>
    public static FrontMatter Parse(IReadOnlyList<string> lines, out int errorLine, out string? error)
    {
        errorLine = 0;
        error = null;
        if (lines.Count == 0 || !IsFence(lines[0]))
        {
            return Empty;
        }
        // Find the end first: without it, the body would be read as front matter and fail somewhere misleading.
        var end = 1;
        while (end < lines.Count && !IsFence(lines[end]) && lines[end].TrimEnd() != "...")
        {
            end++;
        }
        if (end == lines.Count)
        {
            errorLine = 1;
            error = "the front matter opened on line 1 is not closed by a '---' line";
            return Empty;
        }
        var entries = new Dictionary<string, FrontMatterEntry>(StringComparer.OrdinalIgnoreCase);
        var reader = new BlockReader(lines, entries);
        for (var i = 1; i < end; i++)
        {
            if (!reader.Accept(i, out error))
            {
                errorLine = i + 1;
                return Empty;
            }
        }
        reader.CloseText();
        return new FrontMatter(entries, end + 1);
    }

    private static bool IsFence(string line) => line.TrimEnd() == "---";

    /// <summary>Reads the block line by line, remembering which key a list or text block belongs to.</summary>
    private sealed class BlockReader(IReadOnlyList<string> lines, Dictionary<string, FrontMatterEntry> entries)
    {
        private string? _openKey;
        private int _openLine;
        private List<string>? _items;
        private List<string>? _text;
        private bool _foldText;

        public bool Accept(int index, out string? error)
        {
            error = null;
            var line = lines[index];
            var trimmed = line.Trim();
            var indented = line.Length > 0 && char.IsWhiteSpace(line[0]);
            if (_text is not null && (indented || trimmed.Length == 0))
            {
                _text.Add(trimmed);
                return true;
            }
            CloseText();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                return true;
            }
            if (trimmed.StartsWith("- ", StringComparison.Ordinal) || trimmed == "-")
            {
                if (_items is null)
                {
                    error = "a '- item' line must follow a 'key:' line with no value";
                    return false;
                }
                _items.Add(Unquote(trimmed[1..].Trim()));
                entries[_openKey!] = new FrontMatterEntry(_openLine, null, _items);
                return true;
            }
            return AcceptKey(index, trimmed, indented, out error);
        }

        private bool AcceptKey(int index, string trimmed, bool indented, out string? error)
        {
            error = null;
            _items = null;
            var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || indented)
            {
                error = indented
                    ? "nested values are not supported in front matter; use 'key: value' at the start of the line"
                    : string.Create(CultureInfo.InvariantCulture, $"expected 'key: value' but found '{Shorten(trimmed)}'");
                return false;
            }
            var key = trimmed[..colon].Trim();
            if (key.Length == 0 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                error = string.Create(CultureInfo.InvariantCulture, $"'{Shorten(key)}' is not a valid front matter key");
                return false;
            }
            if (entries.ContainsKey(key))
            {
                error = string.Create(CultureInfo.InvariantCulture, $"the key '{key}' appears twice");
                return false;
            }
            _openKey = key;
            _openLine = index + 1;
            var value = trimmed[(colon + 1)..].Trim();
            switch (value)
            {
                case "":
                    _items = [];
                    entries[key] = new FrontMatterEntry(_openLine, null, _items);
                    return true;
                case ">" or ">-" or "|" or "|-":
                    _text = [];
                    _foldText = value[0] == '>';
                    return true;
                case ['[', ..]:
                    return AcceptFlowList(key, value, out error);
                default:
                    entries[key] = new FrontMatterEntry(_openLine, StripComment(value), null);
                    return true;
            }
        }

        private bool AcceptFlowList(string key, string value, out string? error)
        {
            error = null;
            if (!value.EndsWith(']'))
            {
                error = string.Create(CultureInfo.InvariantCulture, $"the list for '{key}' is not closed by ']' on the same line");
                return false;
            }
            var items = SplitFlowList(value[1..^1])
                .Select(item => Unquote(item.Trim()))
                .Where(item => item.Length > 0)
                .ToList();
            entries[key] = new FrontMatterEntry(_openLine, null, items);
            return true;
        }

        /// <summary>Ends a pending <c>&gt;</c> or <c>|</c> block: folded text joins lines with spaces.</summary>
        public void CloseText()
        {
            if (_text is null)
            {
                return;
            }
            var joined = _foldText
                ? string.Join(' ', _text.Where(t => t.Length > 0))
                : string.Join('\n', _text).Trim('\n');
            entries[_openKey!] = new FrontMatterEntry(_openLine, joined, null);
            _text = null;
        }
    }

    private static IEnumerable<string> SplitFlowList(string inner)
    {
        var start = 0;
        char quote = '\0';
        for (var i = 0; i < inner.Length; i++)
        {
            var c = inner[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == ',')
            {
                yield return inner[start..i];
                start = i + 1;
            }
        }
        yield return inner[start..];
    }

    /// <summary>In YAML an unquoted value ends at " #"; quoted values keep everything inside the quotes.</summary>
    private static string StripComment(string value)
    {
        if (value is ['"', ..] or ['\'', ..])
        {
            return Unquote(value);
        }
        var hash = value.IndexOf(" #", StringComparison.Ordinal);
        return hash < 0 ? value : value[..hash].TrimEnd();
    }

    private static string Unquote(string value)
    {
        if (value.Length >= 2 && (value[0] == '"' || value[0] == '\''))
        {
            var close = value.LastIndexOf(value[0]);
            if (close > 0)
            {
                var inner = value[1..close];
                return value[0] == '"' ? inner.Replace("\\\"", "\"", StringComparison.Ordinal) : inner.Replace("''", "'", StringComparison.Ordinal);
            }
        }
        return value;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}
