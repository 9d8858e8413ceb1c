namespace Sightline.Parsers.Common;

/// <summary>
/// One item read from an input: a record, or the reason it was rejected. <see cref="Position"/> is the line
/// number (1-based) for line formats, else the record number (1-based) within the input.
/// </summary>
public readonly record struct Parsed<T>(long Position, T? Record, string? Error) where T : class
{
    public bool IsError => Error is not null;

    public static Parsed<T> Ok(long position, T record) => new(position, record, null);

    public static Parsed<T> Fail(long position, string error) => new(position, null, error);
}

/// <summary>A rejected record, as reported to the user: which input, where in it, and why.</summary>
public sealed record ParseError(string Source, long Position, string Reason)
{
    public override string ToString() => $"{Source}:{Position}: {Reason}";
}
