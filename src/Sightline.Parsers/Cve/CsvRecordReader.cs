using System.Text;

namespace Sightline.Parsers.Cve;

/// <summary>
/// Splits RFC 4180 CSV into records: quoted fields may hold commas, doubled quotes and line breaks. Each record
/// carries the line number it starts on. An unterminated quote at the end of input is reported, not thrown.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader)
{
    private long _line;

    /// <summary>The next physical-line-based record, or null at the end of input.</summary>
    public (long Line, string Text, List<string>? Fields)? Next()
    {
        var text = reader.ReadLine();
        if (text is null)
        {
            return null;
        }
        var start = ++_line;
        var fields = new List<string>();
        while (!TrySplit(text, fields))
        {
            // A quoted field continues on the next line.
            var more = reader.ReadLine();
            if (more is null)
            {
                return (start, text, null);
            }
            _line++;
            text = text + "\n" + more;
        }
        return (start, text, fields);
    }

    private static bool TrySplit(string text, List<string> fields)
    {
        fields.Clear();
        var field = new StringBuilder();
        var quoted = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i += 2;
                    continue;
                }
                if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
            i++;
        }
        fields.Add(field.ToString());
        return !quoted;
    }
}
