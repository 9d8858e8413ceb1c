using Microsoft.Data.Sqlite;
using Npgsql;

namespace Sightline.Hosting;

/// <summary>
/// Failures that say the store cannot answer now (not that the request or the code is wrong): PostgreSQL unreachable,
/// out of connections or shutting down, the connection pool exhausted, a command timed out, or a SQLite file locked by
/// another process. They answer 503 with <c>Retry-After</c>, which Graph clients retry, instead of 500.
/// </summary>
public static class StoreFailures
{
    /// <summary>SQLITE_BUSY and SQLITE_LOCKED: another connection holds the lock past the command timeout.</summary>
    private static readonly HashSet<int> _sqliteBusy = [5, 6];

    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case NpgsqlException npgsql when npgsql.IsTransient:
                case SqliteException sqlite when _sqliteBusy.Contains(sqlite.SqliteErrorCode):
                case TimeoutException:
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(IsUnavailable):
                    return true;
            }
        }
        return false;
    }
}
