using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Sightline.Auth;

/// <summary>
/// The instance's own token-signing key (ECDSA P-256), generated on first use and kept in the data folder,
/// so tokens minted by <c>token --data-dir DIR</c> are accepted by <c>serve --data-dir DIR</c>.
/// <see cref="Rotate"/> replaces it and lists the old key id in <see cref="RevokedFileName"/>.
/// </summary>
public static class SigningKey
{
    public const string FileName = "signing-key.pem";
    public const string RevokedFileName = "revoked-keys.txt";

    public static ECDsaSecurityKey LoadOrCreate(string dataDir)
    {
        Directory.CreateDirectory(dataDir);
        var path = Path.Combine(dataDir, FileName);
        if (!File.Exists(path))
        {
            using var created = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            WritePrivate(path, created.ExportPkcs8PrivateKeyPem(), replace: false);
        }
        return Load(path);
    }

    public static ECDsaSecurityKey Load(string path)
    {
        var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(File.ReadAllText(path));
        var key = new ECDsaSecurityKey(ecdsa);
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return key;
    }

    /// <summary>
    /// Makes a new key and revokes the old one: its id is appended to the revoked list before the new key
    /// replaces it, so a crash in between leaves every token rejected (safe), never the old key trusted.
    /// </summary>
    public static (string OldKeyId, ECDsaSecurityKey NewKey) Rotate(string dataDir)
    {
        var old = LoadOrCreate(dataDir);
        var path = Path.Combine(dataDir, FileName);
        using var fresh = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var revoked = Path.Combine(dataDir, RevokedFileName);
        using (var stream = new FileStream(revoked, FileMode.Append, FileAccess.Write, FileShare.Read))
        using (var writer = new StreamWriter(stream))
        {
            writer.WriteLine($"{old.KeyId} {DateTimeOffset.UtcNow:yyyy-MM-dd'T'HH:mm:ss'Z'}");
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }
        WritePrivate(path, fresh.ExportPkcs8PrivateKeyPem(), replace: true);
        return (old.KeyId, Load(path));
    }

    /// <summary>The key ids listed in the revoked file (first word of each line).</summary>
    public static HashSet<string> ReadRevoked(string dataDir)
    {
        var path = Path.Combine(dataDir, RevokedFileName);
        return File.Exists(path)
            ? File.ReadLines(path).Select(l => l.Split(' ', 2)[0].Trim()).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
    }

    private static void WritePrivate(string path, string pem, bool replace)
    {
        var temp = path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(pem);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        File.Move(temp, path, overwrite: replace);
    }
}
