using Sightline.Parsers.Common;

namespace Sightline.Data.Ingestion;

/// <summary>How an import runs: records per atomic batch, and how many rejected records it tolerates.</summary>
/// <param name="MaxErrors">
/// 0 (the default): a batch with any rejected record stores nothing. N: batches store their good records while the
/// import has rejected at most N records; past that the import stops.
/// </param>
public sealed record ImportOptions(int BatchSize = 20_000, long MaxErrors = 0);

/// <summary>What an import did with one input.</summary>
public sealed class ImportReport(string source, string format)
{
    private const int MaxErrorsKept = 1_000;
    private readonly List<ParseError> _errors = [];

    public string Source { get; } = source;
    public string Format { get; } = format;

    /// <summary>Records stored, new or merged into an existing row.</summary>
    public long Accepted { get; set; }

    /// <summary>Of the accepted records, those that widened or counted into a row that already existed.</summary>
    public long Merged { get; set; }

    public long Rejected { get; set; }

    /// <summary>Good records of batches that were not stored because the batch held a rejected record.</summary>
    public long NotStored { get; set; }

    /// <summary>Records this import does not store (for example passive DNS TXT answers, which are not hosts).</summary>
    public long Ignored { get; set; }

    /// <summary>Records of batches an earlier import already stored.</summary>
    public long AlreadyImported { get; set; }

    public bool Stopped { get; set; }

    public TimeSpan Elapsed { get; set; }

    public IReadOnlyList<ParseError> Errors => _errors;

    public bool Succeeded => Rejected == 0 && !Stopped;

    public void Reject(long position, string reason)
    {
        Rejected++;
        if (_errors.Count < MaxErrorsKept)
        {
            _errors.Add(new ParseError(Source, position, reason));
        }
    }

    public override string ToString() =>
        $"{Source} ({Format}): {Accepted:N0} accepted ({Merged:N0} merged into existing), {Rejected:N0} rejected"
        + (NotStored > 0 ? $", {NotStored:N0} not stored with their batch" : "")
        + (Ignored > 0 ? $", {Ignored:N0} ignored" : "")
        + (AlreadyImported > 0 ? $", {AlreadyImported:N0} already imported" : "")
        + (Stopped ? ", stopped after too many errors" : "")
        + $" in {Elapsed.TotalSeconds:N1} s";
}

/// <summary>Progress of a long import: records read so far.</summary>
public readonly record struct ImportProgress(long Records);
