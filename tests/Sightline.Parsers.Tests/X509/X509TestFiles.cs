using Sightline.Parsers.Common;
using Sightline.Parsers.X509;

namespace Sightline.Parsers.Tests.X509;

/// <summary>
/// Locates the Debian-packaged certificate corpora. A missing package is a FAILED test naming the package, never a
/// silent skip, so CI cannot pass without exercising them.
/// </summary>
internal static class X509TestFiles
{
    public const string CaCertificatesPackage = "ca-certificates";
    public const string VectorsPackage = "python3-cryptography-vectors";

    public static string CaCertificatesRoot => Require("/usr/share/ca-certificates", CaCertificatesPackage);

    public static string VectorsRoot => Require("/usr/lib/python3/dist-packages/cryptography_vectors/x509", VectorsPackage);

    public static string Vector(string relative)
    {
        var path = Path.Combine(VectorsRoot, relative);
        Assert.True(File.Exists(path), $"{path} is missing: install the Debian package '{VectorsPackage}'.");
        return path;
    }

    public static IReadOnlyList<Parsed<CertificateRecord>> ParseFile(string path)
    {
        using var stream = File.OpenRead(path);
        return CertificateParser.Parse(stream).ToList();
    }

    public static CertificateRecord ParseSingleVector(string relative)
    {
        var results = ParseFile(Vector(relative));
        var only = Assert.Single(results);
        Assert.True(only.Record is not null, $"{relative}: {only.Error}");
        return only.Record;
    }

    public static IReadOnlyList<Parsed<CertificateRecord>> ParseBytes(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return CertificateParser.Parse(stream).ToList();
    }

    private static string Require(string directory, string package)
    {
        Assert.True(Directory.Exists(directory), $"{directory} is missing: install the Debian package '{package}' (apt-get install -y {package}).");
        return directory;
    }
}
