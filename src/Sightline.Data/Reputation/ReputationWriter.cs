using Microsoft.EntityFrameworkCore;
using Sightline.Data.Entities;

namespace Sightline.Data.Reputation;

/// <summary>
/// Stores verdicts: only rows whose score, class or rules changed are written (so a recompute after a small import
/// writes little, and <see cref="HostReputation.ComputedDateTime"/> is when the verdict last changed), in one
/// transaction, saved in chunks to bound the change tracker.
/// </summary>
internal static class ReputationWriter
{
    private const int Chunk = 2_000;

    public static async Task<int> SaveAsync(SightlineDb db, List<HostReputation> computed, CancellationToken cancellationToken)
    {
        var stored = await db.HostReputations.AsNoTracking().ToDictionaryAsync(r => r.HostId, StringComparer.Ordinal, cancellationToken);
        var changed = computed.Where(r => !stored.TryGetValue(r.HostId, out var old) || !Same(old, r)).ToList();
        if (changed.Count == 0)
        {
            return 0;
        }
        var tracking = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await StoreWrites.BeginAsync(db, cancellationToken);
        try
        {
            // Replaced rows are deleted and inserted: an owned JSON collection cannot be updated from a detached entity.
            foreach (var chunk in changed.Chunk(Chunk))
            {
                var replaced = chunk.Where(r => stored.ContainsKey(r.HostId)).Select(r => r.HostId).ToList();
                if (replaced.Count > 0)
                {
                    await db.HostReputations.Where(r => replaced.Contains(r.HostId)).ExecuteDeleteAsync(cancellationToken);
                }
                db.HostReputations.AddRange(chunk);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = tracking;
        }
        return changed.Count;
    }

    private static bool Same(HostReputation a, HostReputation b) =>
        a.Score == b.Score && a.Classification == b.Classification && a.Id == b.Id && a.Rules.Count == b.Rules.Count
        && a.Rules.Zip(b.Rules).All(p => p.First.Name == p.Second.Name && p.First.Description == p.Second.Description
            && p.First.Severity == p.Second.Severity && p.First.RelatedDetailsUrl == p.Second.RelatedDetailsUrl);
}
