using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Sightline.Data;

internal static class StoreWrites
{
    /// <summary>
    /// On SQLite the write lock is taken when the transaction starts (BEGIN IMMEDIATE), so a writer running beside
    /// another (the CLI next to the server's ingest endpoint) waits its turn instead of failing half-way.
    /// </summary>
    public static async Task<IDbContextTransaction> BeginAsync(SightlineDb db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return await db.Database.BeginTransactionAsync(cancellationToken);
        }
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection();
        return await db.Database.UseTransactionAsync(connection.BeginTransaction(deferred: false), cancellationToken)
            ?? throw new InvalidOperationException("The SQLite transaction could not be enlisted.");
    }
}
