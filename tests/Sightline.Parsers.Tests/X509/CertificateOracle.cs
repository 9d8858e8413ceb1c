using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Sightline.Parsers.Common;
using Sightline.Parsers.X509;

namespace Sightline.Parsers.Tests.X509;

/// <summary>
/// The reference: what the platform's own X509Certificate2 makes of a file, independently of the parser's code.
/// PEM files are split with the platform's PemEncoding; each block (whatever its label) is "valid" when
/// X509CertificateLoader loads its bytes. Other files are loaded whole as DER.
/// </summary>
internal static class CertificateOracle
{
    /// <summary>One expected item per PEM block, or one for a DER file: the loaded certificate, or null.</summary>
    public static List<X509Certificate2?> Load(byte[] file)
    {
        var text = Encoding.Latin1.GetString(file);
        var loaded = new List<X509Certificate2?>();
        var rest = text.AsSpan();
        while (PemEncoding.TryFind(rest, out var fields))
        {
            var data = Convert.FromBase64String(rest[fields.Base64Data].ToString());
            loaded.Add(TryLoad(data));
            rest = rest[fields.Location.End..];
        }
        if (loaded.Count == 0)
        {
            loaded.Add(TryLoad(file));
        }
        return loaded;
    }

    /// <summary>Differences between a parsed record and the platform's reading of the same certificate.</summary>
    public static IEnumerable<string> Compare(CertificateRecord record, X509Certificate2 expected)
    {
        if (record.Sha1 != expected.GetCertHashString(HashAlgorithmName.SHA1).ToLowerInvariant())
        {
            yield return $"Sha1 {record.Sha1} != {expected.GetCertHashString(HashAlgorithmName.SHA1)}";
        }
        if (record.Sha256 != expected.GetCertHashString(HashAlgorithmName.SHA256).ToLowerInvariant())
        {
            yield return $"Sha256 {record.Sha256} != {expected.GetCertHashString(HashAlgorithmName.SHA256)}";
        }
        var serial = new BigInteger(expected.SerialNumberBytes.Span, isUnsigned: true, isBigEndian: true).ToString();
        if (record.SerialNumber != serial)
        {
            yield return $"SerialNumber {record.SerialNumber} != {serial}";
        }
        if (record.NotBefore != new DateTimeOffset(expected.NotBefore.ToUniversalTime()))
        {
            yield return $"NotBefore {record.NotBefore:o} != {expected.NotBefore.ToUniversalTime():o}";
        }
        if (record.NotAfter != new DateTimeOffset(expected.NotAfter.ToUniversalTime()))
        {
            yield return $"NotAfter {record.NotAfter:o} != {expected.NotAfter.ToUniversalTime():o}";
        }
        if (record.NotBefore.Offset != TimeSpan.Zero || record.NotAfter.Offset != TimeSpan.Zero)
        {
            yield return "validity is not in UTC";
        }
    }

    /// <summary>Every disagreement between the parser and the platform on one file, as readable lines.</summary>
    public static List<string> Disagreements(string path, string name, out int accepted)
    {
        accepted = 0;
        var file = File.ReadAllBytes(path);
        var expected = Load(file);
        var problems = new List<string>();
        List<Parsed<CertificateRecord>> actual;
        try
        {
            actual = X509TestFiles.ParseBytes(file).ToList();
            accepted = actual.Count(r => !r.IsError);
        }
        catch (Exception e)
        {
            problems.Add($"{name}: parser threw {e.GetType().Name}: {e.Message}");
            return problems;
        }
        if (actual.Count != expected.Count)
        {
            problems.Add($"{name}: parser gave {actual.Count} items, the platform found {expected.Count}");
            return problems;
        }
        for (var i = 0; i < actual.Count; i++)
        {
            problems.AddRange(CompareItem($"{name}#{i + 1}", actual[i], expected[i]));
        }
        return problems;
    }

    private static IEnumerable<string> CompareItem(string where, Parsed<CertificateRecord> actual, X509Certificate2? expected)
    {
        if (expected is null)
        {
            return actual.IsError ? [] : [$"{where}: the platform cannot load it, the parser accepted it"];
        }
        if (actual.Record is null)
        {
            return [$"{where}: the platform loads it, the parser rejected it: {actual.Error}"];
        }
        return CompareSafely(actual.Record, expected).Select(d => $"{where}: {d}");
    }

    private static List<string> CompareSafely(CertificateRecord record, X509Certificate2 expected)
    {
        try
        {
            return Compare(record, expected).ToList();
        }
        catch (CryptographicException e)
        {
            // The platform loaded the certificate but cannot read one of its fields: report, do not crash the run.
            return [$"the platform cannot read a field it loaded: {e.Message}"];
        }
    }

    private static X509Certificate2? TryLoad(byte[] data)
    {
        try
        {
            return X509CertificateLoader.LoadCertificate(data);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
