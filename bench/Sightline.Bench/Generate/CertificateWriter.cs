using System.Globalization;
using System.Text;

namespace Sightline.Bench.Generate;

/// <summary>
/// X.509 certificates as PEM bundles (<c>certs/bundle-NNN.pem</c>, a thousand each: the <c>x509</c> format) and a
/// sightings file (<c>sightings.jsonl</c>: the <c>certsightings</c> format) saying where and when each was served.
/// There are half as many certificates as sightings: every certificate is seen at least once, and the rest of the
/// sightings fall on a long tail of certificates, on the names the certificate covers or on an address of its
/// domain, mostly on port 443, each with a first and often a last time within the validity.
/// </summary>
internal static class CertificateWriter
{
    private const int PerBundle = 1000;

    private static readonly int[] _ports = [443, 443, 443, 443, 443, 443, 8443, 993, 995, 465];

    public static async Task<int> WriteAsync(string folder, int sightings, NamePool pool, int seed, CancellationToken cancellationToken)
    {
        var certificates = Math.Max(1, sightings / 2);
        var random = Seeded.For(seed, "certsightings");
        using var factory = new CertificateFactory(pool);
        var made = new (string Pem, DateTimeOffset NotBefore, DateTimeOffset NotAfter, IReadOnlyList<string> Names)[certificates];
        var bundles = Path.Combine(folder, "certs");
        Directory.CreateDirectory(bundles);
        for (var start = 0; start < certificates; start += PerBundle)
        {
            var pem = new StringBuilder();
            for (var i = start; i < Math.Min(certificates, start + PerBundle); i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (der, notBefore, notAfter, names) = factory.Create(i);
                made[i] = (new string(System.Security.Cryptography.PemEncoding.Write("CERTIFICATE", der)) + "\n", notBefore, notAfter, names);
                pem.Append(made[i].Pem);
            }
            await File.WriteAllTextAsync(Path.Combine(bundles, string.Create(CultureInfo.InvariantCulture, $"bundle-{start / PerBundle:D3}.pem")), pem.ToString(), cancellationToken);
        }
        await using var writer = new StreamWriter(Path.Combine(folder, "sightings.jsonl"), false, new UTF8Encoding(false), 1 << 20);
        for (var s = 0; s < sightings; s++)
        {
            var index = s < certificates ? s : random.LongTail(certificates);
            var (pem, notBefore, notAfter, names) = made[index];
            var host = random.Chance(0.15) ? pool.Address(CertificateFactory.DomainOf(index)) : random.Pick(names).TrimStart('*', '.');
            var span = Math.Max(1, (int)(notAfter - notBefore).TotalSeconds);
            var seen = notBefore.AddSeconds(random.Next(span));
            var last = random.Chance(0.6) ? seen.AddSeconds(random.Next(Math.Max(1, (int)(notAfter - seen).TotalSeconds))) : (DateTimeOffset?)null;
            await writer.WriteLineAsync(Line(host, random.Pick(_ports), seen, last, pem));
        }
        return certificates;
    }

    private static string Line(string host, int port, DateTimeOffset seen, DateTimeOffset? last, string pem)
    {
        var json = new StringBuilder(1200);
        json.Append(CultureInfo.InvariantCulture, $"{{\"host\":\"{host}\",\"port\":{port},\"seen\":\"{Stamp(seen)}\"");
        if (last is { } l)
        {
            json.Append(CultureInfo.InvariantCulture, $",\"lastSeen\":\"{Stamp(l)}\"");
        }
        // PEM is base64, dashes, spaces and newlines: only the newlines need escaping in JSON.
        return json.Append(",\"pem\":\"").Append(pem.Replace("\n", "\\n", StringComparison.Ordinal)).Append("\"}").ToString();
    }

    private static string Stamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
