using Microsoft.EntityFrameworkCore;

namespace Sightline.Data;

/// <summary>Brings a store up to date before it is served or imported into.</summary>
public static class StoreSetup
{
    public static async Task PrepareAsync(SightlineDb db, CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging lets an import write while the server reads; it persists in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
