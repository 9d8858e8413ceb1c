using System.Globalization;

namespace Sightline.Bench.Generate;

/// <summary>
/// Raw WHOIS responses in the ICANN registry/registrar layout ("Domain Name:", "Registrar:", "Creation Date:",
/// "Name Server:", registrant contacts or privacy redaction), collected in rounds three months apart: one folder per
/// round, one file per domain. Between rounds about a third of the domains change (update date, renewal, name
/// servers, status, now and then a registrar transfer), so most domains get several versions and the rest are the
/// same version seen again.
/// </summary>
internal static class WhoisWriter
{
    public static readonly DateOnly[] Rounds = [new(2026, 1, 5), new(2026, 4, 5), new(2026, 7, 5)];

    /// <summary>Writes <paramref name="files"/> responses; returns the round folders with their collection dates.</summary>
    public static async Task<IReadOnlyList<(string Folder, DateOnly Seen)>> WriteAsync(string folder, int files, NamePool pool, CancellationToken cancellationToken)
    {
        var domains = Math.Max(1, files / Rounds.Length);
        var rounds = Rounds.Select(d => (Folder: Path.Combine(folder, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), Seen: d)).ToList();
        foreach (var (roundFolder, _) in rounds)
        {
            Directory.CreateDirectory(roundFolder);
        }
        for (var k = 0; k < domains; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var random = new Random((int)(pool.Hash("whois", k) & int.MaxValue));
            var state = WhoisState.New(random, pool, pool.Domain(k), Rounds[0]);
            for (var r = 0; r < rounds.Count; r++)
            {
                if (r > 0 && random.Chance(0.35))
                {
                    state = state.Change(random, pool, Rounds[r]);
                }
                var path = Path.Combine(rounds[r].Folder, state.Domain + ".whois");
                await File.WriteAllTextAsync(path, state.Text(Rounds[r], random), cancellationToken);
            }
        }
        return rounds;
    }
}
