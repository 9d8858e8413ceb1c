using Microsoft.EntityFrameworkCore;
using Sightline.Data.Entities;
using Sightline.Parsers.Dns;

namespace Sightline.Data.Reputation;

/// <summary>Analyst overrides, as the CLI and the HTTP endpoint set and clear them. The caller recomputes afterwards.</summary>
public static class ReputationOverrides
{
    /// <summary>The host as the store keys it (lower-case name or canonical IP), or null when it is neither.</summary>
    public static string? NormalizeHost(string host) => HostNames.Normalize(host);

    public static string ClassName(ReputationClass c) => c.ToString().ToLowerInvariant();

    public static bool TryParseClass(string? text, out ReputationClass value) =>
        Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value) && !int.TryParse(text, out _);

    public static async Task<ReputationOverride> SetAsync(SightlineDb db, string host, ReputationClass classification, string reason, string? author, CancellationToken cancellationToken = default)
    {
        var id = NormalizeHost(host) ?? throw new ArgumentException($"'{host}' is not a host name or an IP address.", nameof(host));
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("An override needs a reason.", nameof(reason));
        }
        var row = new ReputationOverride
        {
            HostId = id, Classification = classification, Reason = reason.Trim(), Author = author, CreatedDateTime = DateTimeOffset.UtcNow,
        };
        if (await db.ReputationOverrides.AsNoTracking().AnyAsync(o => o.HostId == id, cancellationToken))
        {
            db.ReputationOverrides.Update(row);
        }
        else
        {
            db.ReputationOverrides.Add(row);
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return row;
    }

    /// <summary>Removes a host's override; false when it had none.</summary>
    public static async Task<bool> ClearAsync(SightlineDb db, string host, CancellationToken cancellationToken = default)
    {
        var id = NormalizeHost(host) ?? host;
        return await db.ReputationOverrides.Where(o => o.HostId == id).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    public static Task<ReputationOverride?> FindAsync(SightlineDb db, string host, CancellationToken cancellationToken = default)
    {
        var id = NormalizeHost(host) ?? host;
        return db.ReputationOverrides.AsNoTracking().FirstOrDefaultAsync(o => o.HostId == id, cancellationToken);
    }
}
