using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Sightline.Hosting;
using Sightline.Tests.Support;

namespace Sightline.Tests.Auth;

/// <summary>HTTPS on real Kestrel: the self-signed certificate generated in the data folder, or a configured one.</summary>
public sealed class HttpsTests
{
    private static Task<SightlineServer> StartAsync(HttpsSettings https) => SightlineServer.StartAsync(loadDemo: false,
        settings: s => s with { Https = https },
        host: b => b.WebHost.UseUrls("https://127.0.0.1:0"));

    /// <summary>A client that trusts exactly the certificate with this SHA-256 hash, and nothing else.</summary>
    private static HttpClient PinnedClient(SightlineServer server, byte[] sha256) => new(new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.GetCertHash(HashAlgorithmName.SHA256).AsSpan().SequenceEqual(sha256),
    })
    {
        BaseAddress = new Uri(server.Urls.Single()),
    };

    [Fact]
    public async Task A_self_signed_certificate_is_generated_in_the_data_folder_and_served()
    {
        await using var server = await StartAsync(new HttpsSettings());
        var path = Path.Combine(server.DataDir, HttpsCertificate.FileName);
        Assert.True(File.Exists(path), "no https.pfx in the data folder");
        using var stored = X509CertificateLoader.LoadPkcs12FromFile(path, null);
        Assert.True(stored.HasPrivateKey);

        using var pinned = PinnedClient(server, stored.GetCertHash(HashAlgorithmName.SHA256));
        Assert.StartsWith("https://", server.Urls.Single(), StringComparison.Ordinal);
        Assert.Equal("healthy", (await pinned.GetJsonAsync("/healthz")).GetProperty("status").GetString());
        // The caller is on loopback, so operational details need no token.
        Assert.Equal("local", (await pinned.GetJsonAsync("/healthz/details")).GetProperty("authentication").GetString());
        pinned.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.Token());
        await pinned.GetJsonAsync(Graph.Root + "/articles");

        // A client that validates normally does not trust a self-signed certificate: the check above is real.
        using var ordinary = new HttpClient { BaseAddress = new Uri(server.Urls.Single()) };
        await Assert.ThrowsAsync<HttpRequestException>(() => ordinary.GetAsync("/healthz"));

        var loaded = server.Services.GetService(typeof(HttpsCertificate)) as HttpsCertificate;
        Assert.Equal(stored.GetCertHashString(HashAlgorithmName.SHA256), loaded!.Fingerprint.Replace(":", ""));
    }

    [Fact]
    public void The_generated_certificate_is_kept_across_starts()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "sightline-tests", "https-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDir);
        try
        {
            var first = HttpsCertificate.Load(new HttpsSettings(), dataDir);
            var second = HttpsCertificate.Load(new HttpsSettings(), dataDir);
            Assert.Equal(first.Fingerprint, second.Fingerprint);
            Assert.Contains(first.Certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<Oid>(), o => o.Value == "1.3.6.1.5.5.7.3.1");
            Assert.True(first.Certificate.NotAfter > DateTime.Now.AddDays(300));
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Fact]
    public async Task A_configured_pem_certificate_and_key_are_served()
    {
        var folder = Directory.CreateTempSubdirectory("sightline-pem-").FullName;
        try
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=sightline.test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
            await File.WriteAllTextAsync(Path.Combine(folder, "cert.pem"), certificate.ExportCertificatePem());
            await File.WriteAllTextAsync(Path.Combine(folder, "key.pem"), rsa.ExportPkcs8PrivateKeyPem());

            await using var server = await StartAsync(new HttpsSettings { CertificatePath = Path.Combine(folder, "cert.pem"), KeyPath = Path.Combine(folder, "key.pem") });
            using var pinned = PinnedClient(server, certificate.GetCertHash(HashAlgorithmName.SHA256));
            Assert.Equal("healthy", (await pinned.GetJsonAsync("/healthz")).GetProperty("status").GetString());
            Assert.False(File.Exists(Path.Combine(server.DataDir, HttpsCertificate.FileName)), "a certificate was generated although one was configured");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_password_protected_pfx_loads_with_its_password_and_a_certificate_without_key_is_refused()
    {
        var folder = Directory.CreateTempSubdirectory("sightline-pfx-").FullName;
        try
        {
            using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            using var certificate = new CertificateRequest("CN=sightline.test", ecdsa, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
            var pfx = Path.Combine(folder, "server.pfx");
            File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pkcs12, "s3cret"));
            var loaded = HttpsCertificate.Load(new HttpsSettings { CertificatePath = pfx, Password = "s3cret" }, folder);
            Assert.Equal(certificate.Thumbprint, loaded.Certificate.Thumbprint);
            Assert.ThrowsAny<CryptographicException>(() => HttpsCertificate.Load(new HttpsSettings { CertificatePath = pfx, Password = "wrong" }, folder));

            var publicOnly = Path.Combine(folder, "public.pem");
            File.WriteAllText(publicOnly, certificate.ExportCertificatePem());
            Assert.ThrowsAny<CryptographicException>(() => HttpsCertificate.Load(new HttpsSettings { CertificatePath = publicOnly }, folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
