using Microsoft.IdentityModel.Tokens;

namespace Sightline.Auth;

/// <summary>
/// The server's view of the data folder's signing key and revoked list. Both files are re-read when they
/// change on disk, so <c>token --rotate-key</c> takes effect on a running server without a restart.
/// </summary>
public sealed class LocalKeys(string dataDir)
{
    private readonly Lock _lock = new();
    private (DateTime Written, long Length) _keyStamp;
    private (DateTime Written, long Length) _revokedStamp;
    private SecurityKey? _current;
    private HashSet<string> _revoked = new(StringComparer.Ordinal);

    /// <summary>The keys that may have signed a token with this key id; throws for a revoked key id.</summary>
    public IEnumerable<SecurityKey> Resolve(string? keyId)
    {
        var (current, revoked) = Refresh();
        if (keyId is not null && revoked.Contains(keyId))
        {
            throw new SecurityTokenInvalidSigningKeyException($"The token was signed by key '{keyId}', which has been revoked (token --rotate-key). Get a new token.");
        }
        return current.KeyId == keyId || keyId is null ? [current] : [];
    }

    private (SecurityKey Current, HashSet<string> Revoked) Refresh()
    {
        var keyPath = Path.Combine(dataDir, SigningKey.FileName);
        var revokedPath = Path.Combine(dataDir, SigningKey.RevokedFileName);
        var keyStamp = Stamp(keyPath);
        var revokedStamp = Stamp(revokedPath);
        lock (_lock)
        {
            if (_current is null || keyStamp != _keyStamp)
            {
                _current = SigningKey.LoadOrCreate(dataDir);
                _keyStamp = Stamp(keyPath);
            }
            if (revokedStamp != _revokedStamp)
            {
                _revoked = SigningKey.ReadRevoked(dataDir);
                _revokedStamp = revokedStamp;
            }
            return (_current, _revoked);
        }
    }

    private static (DateTime, long) Stamp(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? (info.LastWriteTimeUtc, info.Length) : default;
    }
}
