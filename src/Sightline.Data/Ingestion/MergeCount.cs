namespace Sightline.Data.Ingestion;

/// <summary>
/// Counts, for the report, the records of a batch that went into a row that already existed: stored before the
/// batch, or made by an earlier record of the same batch.
/// </summary>
internal sealed class MergeCount
{
    private readonly List<string> _rows = [];

    /// <summary>Notes the id of the row a record lands in (its main row, e.g. the host port or the host link).</summary>
    public void Record(string rowId) => _rows.Add(rowId);

    public long Merged(IReadOnlySet<string> storedBefore)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return _rows.Count(id => !seen.Add(id) || storedBefore.Contains(id));
    }
}
