using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sightline.Data.Entities;
using Sightline.Parsers.Common;

namespace Sightline.Data.Ingestion;

/// <summary>What storing one batch did.</summary>
public readonly record struct BatchResult(long Accepted, long Merged, long Ignored);

/// <summary>
/// The import pipeline shared by every format: parse (streaming), cut into batches, and store each batch in one
/// transaction together with its ledger row (<see cref="ImportedBatch"/>), so a batch is either wholly stored or
/// not at all, and a batch stored once is never counted twice.
/// </summary>
internal abstract class BatchImporter<T> : IImporter where T : class
{
    private static readonly bool _trace = Environment.GetEnvironmentVariable("SIGHTLINE_IMPORT_TRACE") == "1";

    /// <summary>Whether to print where each batch's time goes (<c>SIGHTLINE_IMPORT_TRACE=1</c>).</summary>
    protected static bool Trace => _trace;

    public abstract string Format { get; }

    public abstract bool Recognises(string extension, string head);

    protected abstract IEnumerable<Parsed<T>> Parse(Stream input, ImportContext context);

    /// <summary>A stable text for one record, hashed to recognise a batch that was already imported.</summary>
    protected abstract string Fingerprint(T record);

    /// <summary>Merges one batch into the store (tracked changes; the caller saves and commits).</summary>
    protected abstract Task<BatchResult> StoreAsync(SightlineDb db, IReadOnlyList<T> batch, CancellationToken cancellationToken);

    public async Task<ImportReport> ImportAsync(SightlineDb db, Stream input, ImportContext context, CancellationToken cancellationToken = default)
    {
        var report = new ImportReport(context.Source, Format);
        var clock = Stopwatch.StartNew();
        var batch = new List<T>();
        var batchErrors = 0L;
        var read = 0L;
        foreach (var item in Parse(input, context))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if ((++read & 1023) == 0)
            {
                context.Progress?.Report(new ImportProgress(read));
            }
            if (item.IsError)
            {
                report.Reject(item.Position, item.Error!);
                batchErrors++;
                if (context.Options.MaxErrors > 0 && report.Rejected > context.Options.MaxErrors)
                {
                    report.Stopped = true;
                    break;
                }
            }
            else
            {
                batch.Add(item.Record!);
            }
            if (batch.Count + batchErrors >= context.Options.BatchSize)
            {
                await FlushAsync(db, batch, batchErrors, report, context, cancellationToken);
                batch.Clear();
                batchErrors = 0;
            }
        }
        if (!report.Stopped)
        {
            await FlushAsync(db, batch, batchErrors, report, context, cancellationToken);
        }
        else
        {
            report.NotStored += batch.Count;
        }
        context.Progress?.Report(new ImportProgress(read));
        report.Elapsed = clock.Elapsed;
        return report;
    }

    private async Task FlushAsync(SightlineDb db, List<T> batch, long batchErrors, ImportReport report, ImportContext context, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }
        if (batchErrors > 0 && context.Options.MaxErrors == 0)
        {
            report.NotStored += batch.Count;
            return;
        }
        var hash = Hash(batch);
        if (await db.ImportedBatches.AnyAsync(b => b.Id == hash, cancellationToken))
        {
            report.AlreadyImported += batch.Count;
            return;
        }
        var clock = Stopwatch.StartNew();
        await using var transaction = await StoreWrites.BeginAsync(db, cancellationToken);
        var result = await StoreAsync(db, batch, cancellationToken);
        var merged = clock.Elapsed;
        db.ImportedBatches.Add(new ImportedBatch
        {
            Id = hash, Format = Format, Source = Truncate(context.Source), Records = batch.Count, ImportedDateTime = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync(cancellationToken);
        var saved = clock.Elapsed;
        await transaction.CommitAsync(cancellationToken);
        if (_trace)
        {
            Console.Error.WriteLine($"batch of {batch.Count}: merge {merged.TotalMilliseconds:N0} ms, save {(saved - merged).TotalMilliseconds:N0} ms, commit {(clock.Elapsed - saved).TotalMilliseconds:N0} ms");
        }
        db.ChangeTracker.Clear();
        report.Accepted += result.Accepted;
        report.Merged += result.Merged;
        report.Ignored += result.Ignored;
    }

    private string Hash(List<T> batch)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(Format + "\n"));
        foreach (var record in batch)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Fingerprint(record)));
            hash.AppendData("\n"u8);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string Truncate(string source) => source.Length <= 400 ? source : source[..400];
}

/// <summary>One format's importer, as the CLI and the ingest endpoint see it.</summary>
public interface IImporter
{
    /// <summary>The format's name, as given to <c>--format</c> and <c>/ingest/{format}</c>.</summary>
    string Format { get; }

    /// <summary>Whether an input with this file extension (lower-case, with the dot) and these first characters is in this format.</summary>
    bool Recognises(string extension, string head);

    Task<ImportReport> ImportAsync(SightlineDb db, Stream input, ImportContext context, CancellationToken cancellationToken = default);
}

/// <summary>Where the input came from and how to import it.</summary>
public sealed record ImportContext(string Source, ImportOptions Options, IProgress<ImportProgress>? Progress = null)
{
    /// <summary>Format-specific settings given on the command line or the request (for example WHOIS <c>domain</c>, <c>seen</c>).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
}
