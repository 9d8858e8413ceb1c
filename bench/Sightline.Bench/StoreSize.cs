using System.Globalization;
using Sightline.Bench.Imports;

namespace Sightline.Bench;

/// <summary>What the measured store holds: its passive DNS records (<c>passiveDnsRecords/$count</c>) and its size on disk.</summary>
internal static class StoreSize
{
    public static async Task<(long? Records, long? Bytes)> MeasureAsync(HttpClient http, BenchSettings settings, string dataDir, CancellationToken cancellationToken)
    {
        long? records = null;
        using (var response = await http.GetAsync("/v1.0/security/threatIntelligence/passiveDnsRecords/$count", cancellationToken))
        {
            if (response.IsSuccessStatusCode && long.TryParse(await response.Content.ReadAsStringAsync(cancellationToken), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                records = n;
            }
        }
        long? bytes;
        if (settings.Postgres is { } connection)
        {
            var database = connection.Split(';').Select(p => p.Split('=', 2)).FirstOrDefault(p => p.Length == 2 && p[0].Trim().Equals("Database", StringComparison.OrdinalIgnoreCase))?[1].Trim();
            bytes = database is null ? null : await new PostgresAdmin(connection).SizeAsync(database, cancellationToken);
        }
        else
        {
            // The database file with its write-ahead log, as it is when the server answers.
            bytes = Directory.GetFiles(dataDir, "sightline.db*").Sum(f => new FileInfo(f).Length);
        }
        return (records, bytes);
    }
}
