using System.Text.Json;

namespace Sightline.Parsers.Common;

/// <summary>
/// Reads a JSON stream token by token through a growing window, so a bundle or catalog with a million objects is
/// walked in memory bounded by its largest single element. Callers navigate with <see cref="ReadToken"/> and
/// <see cref="SkipValue"/> and materialise one element at a time with <see cref="ReadValue"/>.
/// Also used by the CVE, KEV readers (they share this assembly); it throws <see cref="JsonException"/> on invalid
/// JSON, which callers turn into a Fail.
/// </summary>
internal sealed class JsonValueStream
{
    private const int InitialSize = 64 * 1024;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 256,
    };

    private readonly Stream _stream;
    private byte[] _buffer = new byte[InitialSize];
    private int _start;
    private int _end;
    private bool _final;
    private bool _bomChecked;
    private JsonReaderState _state;

    public JsonValueStream(Stream stream, bool allowMultipleValues = false)
    {
        _stream = stream;
        _state = new JsonReaderState(new JsonReaderOptions
        {
            AllowMultipleValues = allowMultipleValues,
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            MaxDepth = 256,
        });
    }

    /// <summary>The property name when the last token read was a property name.</summary>
    public string? PropertyName { get; private set; }

    /// <summary>Depth after the last token read (0 = top level).</summary>
    public int Depth { get; private set; }

    /// <summary>Reads the next token; <see cref="JsonTokenType.None"/> at the end of the input.</summary>
    public JsonTokenType ReadToken()
    {
        while (true)
        {
            var reader = NewReader();
            if (reader.Read())
            {
                PropertyName = reader.TokenType == JsonTokenType.PropertyName ? reader.GetString() : null;
                var token = reader.TokenType;
                Commit(ref reader);
                return token;
            }
            if (_final)
            {
                return JsonTokenType.None;
            }
            Refill();
        }
    }

    /// <summary>The type of the next token without consuming it; <see cref="JsonTokenType.None"/> at the end.</summary>
    public JsonTokenType PeekToken()
    {
        while (true)
        {
            var reader = NewReader();
            if (reader.Read())
            {
                return reader.TokenType;
            }
            if (_final)
            {
                return JsonTokenType.None;
            }
            Refill();
        }
    }

    /// <summary>Skips the value that follows a property name (or the next array element), streaming through it.</summary>
    public void SkipValue()
    {
        var token = ReadToken();
        if (token is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return;
        }
        // The closing token sits at the same depth as the opening one.
        var depth = Depth;
        while (true)
        {
            var next = ReadToken();
            if (next == JsonTokenType.None || (next is JsonTokenType.EndObject or JsonTokenType.EndArray && Depth == depth))
            {
                return;
            }
        }
    }

    /// <summary>
    /// Maps each remaining value of the enclosing array (or top-level sequence), numbering them from 1. A syntax
    /// error ends the sequence with one Fail at the value where it occurred; values read before it stand.
    /// </summary>
    public IEnumerable<Parsed<T>> ReadEach<T>(Func<long, JsonElement, Parsed<T>> map, string syntaxErrorPrefix) where T : class
    {
        long position = 0;
        while (true)
        {
            position++;
            JsonElement? element;
            string? error = null;
            try
            {
                element = ReadValue();
            }
            catch (JsonException ex)
            {
                element = null;
                error = syntaxErrorPrefix + ex.Message;
            }
            if (error is not null)
            {
                yield return Parsed<T>.Fail(position, error);
                yield break;
            }
            if (element is null)
            {
                yield break;
            }
            Parsed<T> mapped;
            try
            {
                mapped = map(position, element.Value);
            }
            catch (InvalidOperationException e)
            {
                mapped = Parsed<T>.Fail(position, JsonText.Invalid(e));
            }
            yield return mapped;
        }
    }

    /// <summary>
    /// Reads the next whole value (an array element, a property's value or a top-level value) as an element that
    /// does not depend on the window. Returns null instead when the next token closes the enclosing array or the
    /// input ends, consuming that token.
    /// </summary>
    public JsonElement? ReadValue()
    {
        while (true)
        {
            var reader = NewReader();
            if (!reader.Read())
            {
                if (_final)
                {
                    return null;
                }
                Refill();
                continue;
            }
            if (reader.TokenType is JsonTokenType.EndArray or JsonTokenType.EndObject)
            {
                Commit(ref reader);
                return null;
            }
            var tokenStart = reader.TokenStartIndex;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
            {
                if (_final)
                {
                    throw new JsonException("The input ends inside a value.");
                }
                Refill();
                continue;
            }
            var length = (int)(reader.BytesConsumed - tokenStart);
            var element = ParseSlice(_buffer.AsMemory(_start + (int)tokenStart, length));
            Commit(ref reader);
            return element;
        }
    }

    private static JsonElement ParseSlice(ReadOnlyMemory<byte> slice)
    {
        // Clone copies the element out of the window, which is reused for the next read.
        using var document = JsonDocument.Parse(slice, DocumentOptions);
        return document.RootElement.Clone();
    }

    private Utf8JsonReader NewReader()
    {
        if (!_bomChecked)
        {
            Refill();
            while (!_final && _end - _start < 3)
            {
                Refill();
            }
            if (_end - _start >= 3 && _buffer[_start] == 0xEF && _buffer[_start + 1] == 0xBB && _buffer[_start + 2] == 0xBF)
            {
                _start += 3;
            }
            _bomChecked = true;
        }
        return new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
    }

    private void Commit(ref Utf8JsonReader reader)
    {
        _start += (int)reader.BytesConsumed;
        _state = reader.CurrentState;
        Depth = reader.CurrentDepth;
    }

    private void Refill()
    {
        if (_final)
        {
            return;
        }
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            // The current token or element does not fit: grow rather than fail.
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _final = true;
        }
        _end += read;
    }
}
