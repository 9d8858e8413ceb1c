using System.Text.Json;

namespace Sightline.Parsers.Har;

/// <summary>
/// Walks a HAR document as a stream and hands out the elements of <c>log.entries</c> one at a time, so a
/// file of tens of megabytes never sits in memory whole: only the entry being read is buffered. Everything
/// else (<c>creator</c>, <c>pages</c>...) is skipped unread.
/// </summary>
internal sealed class HarEntryStream
{
    /// <summary>The largest single entry accepted; beyond it the HAR is reported as unreadable.</summary>
    public const int MaxEntryBytes = 256 * 1024 * 1024;

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 256,
    };

    private readonly Stream _stream;
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private bool _eof;
    private bool _bomChecked;
    private JsonReaderState _state = new(ReaderOptions);
    private Phase _phase = Phase.Root;

    public HarEntryStream(Stream stream) => _stream = stream;

    /// <summary>True once the <c>log.entries</c> array was entered: later errors belong to an entry, not the document.</summary>
    public bool ReachedEntries { get; private set; }

    private enum Phase { Root, InRoot, InLog, InEntries, Done }

    /// <summary>The next entry (raw JSON), null at the end of the array, or an error that ends the document.</summary>
    public (JsonDocument? Entry, string? Error) Next()
    {
        while (_phase != Phase.Done)
        {
            StepResult result;
            try
            {
                result = Step();
            }
            catch (JsonException e)
            {
                _phase = Phase.Done;
                return (null, "not valid JSON: " + e.Message);
            }
            switch (result.Kind)
            {
                case StepKind.NeedMoreData:
                    if (Refill() is { } refillError)
                    {
                        _phase = Phase.Done;
                        return (null, refillError);
                    }
                    break;
                case StepKind.Entry:
                    return (result.Entry, null);
                case StepKind.Error:
                    _phase = Phase.Done;
                    return (null, result.Error);
            }
        }
        return (null, null);
    }

    private StepResult Step()
    {
        if (!_bomChecked)
        {
            return StepResult.More;
        }
        if (_eof && _start == _end && _phase == Phase.Root)
        {
            return StepResult.Fail("the document is empty");
        }
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _eof, _state);
        if (!reader.Read())
        {
            return _eof ? StepResult.Fail(_phase == Phase.Root ? "the document is empty" : "the document ends early") : StepResult.More;
        }
        var result = _phase switch
        {
            Phase.Root => AtRoot(ref reader),
            Phase.InRoot => InObject(ref reader, "log", Phase.InLog, "the document has no log object"),
            Phase.InLog => InObject(ref reader, "entries", Phase.InEntries, "log has no entries array"),
            _ => InEntries(ref reader),
        };
        if (result.Kind != StepKind.NeedMoreData)
        {
            _start += (int)reader.BytesConsumed;
            _state = reader.CurrentState;
        }
        return result;
    }

    private StepResult AtRoot(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return StepResult.Fail("the document is not a JSON object");
        }
        _phase = Phase.InRoot;
        return StepResult.Continue;
    }

    /// <summary>One member of the root or of <c>log</c>: the wanted one is entered, any other skipped whole.</summary>
    private StepResult InObject(ref Utf8JsonReader reader, string wanted, Phase next, string missing)
    {
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            return StepResult.Fail(missing);
        }
        var isWanted = reader.ValueTextEquals(wanted);
        if (!reader.Read())
        {
            return StepResult.More;
        }
        if (isWanted)
        {
            var expected = next == Phase.InLog ? JsonTokenType.StartObject : JsonTokenType.StartArray;
            if (reader.TokenType != expected)
            {
                return StepResult.Fail(next == Phase.InLog ? "log is not an object" : "log.entries is not an array");
            }
            _phase = next;
            ReachedEntries = next == Phase.InEntries;
            return StepResult.Continue;
        }
        return reader.TrySkip() ? StepResult.Continue : StepResult.More;
    }

    private StepResult InEntries(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.EndArray)
        {
            _phase = Phase.Done;
            return StepResult.Continue;
        }
        var from = _start + (int)reader.TokenStartIndex;
        if (!reader.TrySkip())
        {
            return StepResult.More;
        }
        var length = _start + (int)reader.BytesConsumed - from;
        // Copied out because the buffer is reused for the next entry while the caller still reads this one.
        var bytes = _buffer.AsSpan(from, length).ToArray();
        return StepResult.Of(JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }));
    }

    /// <summary>Keeps the unread tail, grows the buffer when one token fills it, and reads more of the stream.</summary>
    private string? Refill()
    {
        if (_eof)
        {
            return "the document ends early";
        }
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaxEntryBytes)
            {
                return $"an entry is larger than {MaxEntryBytes / (1024 * 1024)} MB";
            }
            Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, MaxEntryBytes));
        }
        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }
        _end += read;
        SkipByteOrderMark();
        return null;
    }

    private void SkipByteOrderMark()
    {
        if (_bomChecked || (_end - _start < 3 && !_eof))
        {
            return;
        }
        _bomChecked = true;
        if (_end - _start >= 3 && _buffer[_start] == 0xEF && _buffer[_start + 1] == 0xBB && _buffer[_start + 2] == 0xBF)
        {
            _start += 3;
        }
    }

    private enum StepKind { Continue, NeedMoreData, Entry, Error }

    private readonly record struct StepResult(StepKind Kind, JsonDocument? Entry, string? Error)
    {
        public static StepResult Continue => new(StepKind.Continue, null, null);

        public static StepResult More => new(StepKind.NeedMoreData, null, null);

        public static StepResult Of(JsonDocument entry) => new(StepKind.Entry, entry, null);

        public static StepResult Fail(string error) => new(StepKind.Error, null, error);
    }
}
