using System.Globalization;
using System.Numerics;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace Sightline.Tests.Import;

/// <summary>
/// Certificates for the import tests: Debian's Mozilla CA roots (package ca-certificates), read independently with
/// .NET's X509Certificate2 to know the expected values, and sighting lines around the nmap fixture's certificate.
/// </summary>
public static class CertificateFiles
{
    public static readonly string[] Roots = ["ISRG_Root_X1.crt", "DigiCert_Global_Root_G2.crt", "Amazon_Root_CA_1.crt"];

    public static string RootPath(string name)
    {
        var path = Path.Combine("/usr/share/ca-certificates/mozilla", name);
        Assert.True(File.Exists(path), $"{path} is missing: install the Debian package 'ca-certificates'.");
        return path;
    }

    public static X509Certificate2 Root(string name) => X509CertificateLoader.LoadCertificateFromFile(RootPath(name));

    public static string Sha1(X509Certificate2 certificate) => certificate.Thumbprint.ToLowerInvariant();

    /// <summary>The serial as an unsigned decimal number, as Graph examples show it.</summary>
    public static string DecimalSerial(X509Certificate2 certificate) =>
        BigInteger.Parse("0" + certificate.SerialNumber, NumberStyles.HexNumber, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);

    public static string RootsPem() => string.Join("\n", Roots.Select(r => File.ReadAllText(RootPath(r))));

    public static string Sighting(string host, int port, string seen, string? lastSeen = null, string? pem = null) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["host"] = host, ["port"] = port, ["seen"] = seen, ["lastSeen"] = lastSeen, ["pem"] = pem ?? NmapScans.CertificatePem,
        });
}
