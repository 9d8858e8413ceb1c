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
        var owned = connection.BeginTransaction(deferred: false);
        var enlisted = await db.Database.UseTransactionAsync(owned, cancellationToken)
            ?? throw new InvalidOperationException("The SQLite transaction could not be enlisted.");
        return new OwnedTransaction(db, enlisted, owned);
    }

    /// <summary>
    /// EF Core does not own a transaction it was given (<c>UseTransaction</c>), so disposing its wrapper neither rolls
    /// it back nor closes the connection opened for it. A pooled context outlives the request: left like that, a failed
    /// batch's transaction would stay open on a connection back in the pool and keep the tables locked. This wrapper
    /// ends both when it is disposed.
    /// </summary>
    private sealed class OwnedTransaction(SightlineDb db, IDbContextTransaction enlisted, System.Data.Common.DbTransaction owned) : IDbContextTransaction
    {
        public Guid TransactionId => enlisted.TransactionId;

        public void Commit() => enlisted.Commit();

        public Task CommitAsync(CancellationToken cancellationToken = default) => enlisted.CommitAsync(cancellationToken);

        public void Rollback() => enlisted.Rollback();

        public Task RollbackAsync(CancellationToken cancellationToken = default) => enlisted.RollbackAsync(cancellationToken);

        public void Dispose()
        {
            enlisted.Dispose();
            owned.Dispose();
            db.Database.UseTransaction(null);
            db.Database.CloseConnection();
        }

        public async ValueTask DisposeAsync()
        {
            await enlisted.DisposeAsync();
            await owned.DisposeAsync();
            await db.Database.UseTransactionAsync(null);
            await db.Database.CloseConnectionAsync();
        }
    }
}
