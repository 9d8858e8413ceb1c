namespace Sightline.Parsers.Tests.X509;

/// <summary>The parser agrees with the platform's X509Certificate2 on two real corpora shipped by Debian.</summary>
public sealed class CorpusTests
{
    private static readonly string[] _vectorExtensions = [".pem", ".der", ".crt", ".crl", ".cp"];

    [Fact]
    public void Parses_every_Debian_ca_certificates_root_as_the_platform_does()
    {
        var files = Directory.EnumerateFiles(X509TestFiles.CaCertificatesRoot, "*.crt", SearchOption.AllDirectories).Order().ToList();
        Assert.True(files.Count >= 100, $"only {files.Count} .crt files under {X509TestFiles.CaCertificatesRoot}; is '{X509TestFiles.CaCertificatesPackage}' complete?");

        var problems = new List<string>();
        var parsed = 0;
        foreach (var file in files)
        {
            problems.AddRange(CertificateOracle.Disagreements(file, Path.GetFileName(file), out var accepted));
            parsed += accepted;
        }

        Assert.True(problems.Count == 0, $"{problems.Count} disagreements:\n{string.Join('\n', problems)}");
        Assert.Equal(files.Count, parsed);
    }

    [Fact]
    public void Agrees_with_the_platform_on_every_cryptography_vector_accepting_the_loadable_and_rejecting_the_rest()
    {
        var root = X509TestFiles.VectorsRoot;
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => _vectorExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order()
            .ToList();

        var problems = new List<string>();
        var loadable = 0;
        var unloadable = 0;
        foreach (var file in files)
        {
            var expected = CertificateOracle.Load(File.ReadAllBytes(file));
            loadable += expected.Count(c => c is not null);
            unloadable += expected.Count(c => c is null);
            problems.AddRange(CertificateOracle.Disagreements(file, Path.GetRelativePath(root, file), out _));
        }

        Assert.True(problems.Count == 0, $"{problems.Count} disagreements with X509Certificate2:\n{string.Join('\n', problems)}");
        // Both sides must be exercised for the comparison to mean anything.
        Assert.True(loadable > 400, $"only {loadable} loadable certificates found");
        Assert.True(unloadable > 100, $"only {unloadable} unloadable items found");
    }
}
