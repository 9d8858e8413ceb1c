using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Sightline.Auth;

/// <summary>
/// The instance's own token-signing key (ECDSA P-256), generated on first use and kept in the data folder,
/// so tokens minted by <c>token --data-dir DIR</c> are accepted by <c>serve --data-dir DIR</c>.
/// </summary>
public static class SigningKey
{
    public const string FileName = "signing-key.pem";

    public static ECDsaSecurityKey LoadOrCreate(string dataDir)
    {
        Directory.CreateDirectory(dataDir);
        var path = Path.Combine(dataDir, FileName);
        var ecdsa = ECDsa.Create();
        if (File.Exists(path))
        {
            ecdsa.ImportFromPem(File.ReadAllText(path));
        }
        else
        {
            ecdsa.ImportParameters(ECDsa.Create(ECCurve.NamedCurves.nistP256).ExportParameters(true));
            WritePrivate(path, ecdsa.ExportPkcs8PrivateKeyPem());
        }
        var key = new ECDsaSecurityKey(ecdsa);
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return key;
    }

    private static void WritePrivate(string path, string pem)
    {
        var temp = path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(pem);
        }
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        File.Move(temp, path, overwrite: false);
    }
}
