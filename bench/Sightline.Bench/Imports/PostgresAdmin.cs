using System.Diagnostics;
using System.Globalization;

namespace Sightline.Bench.Imports;

/// <summary>
/// A fresh PostgreSQL database per measured format (named in the connection string the import gets; the import's
/// migration creates it), its size, and dropping it afterwards. Talks to the server through <c>psql</c>, so the
/// benchmark needs no database driver of its own.
/// </summary>
internal sealed class PostgresAdmin(string connectionString)
{
    private static readonly (string Key, string Variable)[] _environment =
        [("Host", "PGHOST"), ("Server", "PGHOST"), ("Port", "PGPORT"), ("Username", "PGUSER"), ("User ID", "PGUSER"), ("User", "PGUSER"), ("Password", "PGPASSWORD")];

    private readonly Dictionary<string, string> _parts = Parse(connectionString);

    /// <summary>The connection string with its database replaced by <paramref name="database"/>.</summary>
    public string For(string database)
    {
        var parts = new Dictionary<string, string>(_parts, StringComparer.OrdinalIgnoreCase) { ["Database"] = database };
        return string.Join(';', parts.Select(p => p.Key + "=" + p.Value));
    }

    public async Task<long?> SizeAsync(string database, CancellationToken cancellationToken) =>
        long.TryParse((await PsqlAsync(database, "SELECT pg_database_size(current_database())", cancellationToken)).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var bytes)
            ? bytes
            : null;

    /// <summary>
    /// Drops the database; retried for a while, since an autovacuum worker (which FORCE may not terminate) can still
    /// hold it right after a large import. Returns the error when it never succeeded, so the caller can report it.
    /// </summary>
    public async Task<string?> DropAsync(string database, CancellationToken cancellationToken)
    {
        string? error = null;
        for (var attempt = 0; attempt < 30; attempt++)
        {
            try
            {
                await PsqlAsync("postgres", $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", cancellationToken);
                return null;
            }
            catch (BenchException e)
            {
                error = e.Message;
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            }
        }
        return error;
    }

    private async Task<string> PsqlAsync(string database, string sql, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("psql") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])["-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-c", sql])
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["PGDATABASE"] = database;
        foreach (var (key, variable) in _environment)
        {
            if (_parts.TryGetValue(key, out var value))
            {
                info.Environment[variable] = value;
            }
        }
        using var process = Process.Start(info) ?? throw new BenchException("psql did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode == 0 ? await output : throw new BenchException($"psql failed ({sql}): {error.Trim()}");
    }

    private static Dictionary<string, string> Parse(string connectionString) => connectionString
        .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(p => p.Split('=', 2))
        .Where(p => p.Length == 2)
        .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
}
