namespace Sightline.Data.Entities;

/// <summary>
/// A batch of input that was stored, by the hash of its records. Written in the same transaction as the batch,
/// so re-importing a file skips what is already in (counts are not added twice) and a crashed import resumes.
/// </summary>
public sealed class ImportedBatch
{
    public required string Id { get; set; }
    public required string Format { get; set; }
    public required string Source { get; set; }
    public int Records { get; set; }
    public DateTimeOffset ImportedDateTime { get; set; }
}
