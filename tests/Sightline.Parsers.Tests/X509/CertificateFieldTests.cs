using System.Security.Cryptography.X509Certificates;
using Sightline.Parsers.X509;

namespace Sightline.Parsers.Tests.X509;

/// <summary>Names, alternate names, serials and self-signature read from specific real vectors (checked with openssl).</summary>
public sealed class CertificateFieldTests
{
    [Theory]
    [InlineData("custom/negative_serial.pem", "Street", "3210 Holly Mill Run")]
    [InlineData("custom/negative_serial.pem", "PostalCode", "30062")]
    [InlineData("custom/negative_serial.pem", "OrganizationUnitName", "Chaos")]
    [InlineData("wildcard_san.pem", "CommonName", "*.langui.sh")]
    [InlineData("wildcard_san.pem", "OrganizationName", "Paul Kehrer")]
    [InlineData("wildcard_san.pem", "Locality", "Austin")]
    [InlineData("wildcard_san.pem", "State", "Texas")]
    [InlineData("wildcard_san.pem", "Country", "US")]
    [InlineData("custom/all_supported_names.pem", "CommonName", "CN 0")]
    [InlineData("custom/all_supported_names.pem", "OrganizationName", "Org Zero, LLC")]
    [InlineData("custom/all_supported_names.pem", "OrganizationUnitName", "Engineering 0")]
    [InlineData("custom/all_supported_names.pem", "GivenName", "First 0")]
    [InlineData("custom/all_supported_names.pem", "Surname", "Last 0")]
    [InlineData("custom/all_supported_names.pem", "SerialNumber", "789")]
    [InlineData("custom/all_supported_names.pem", "Email", "test2@test.local")]
    [InlineData("custom/all_supported_names.pem", "Locality", "San Francisco")]
    [InlineData("custom/utf8_common_name.pem", "CommonName", "We heart UTF8!\u2122")]
    [InlineData("e-trust.ru.der", "Locality", "Москва")]
    [InlineData("e-trust.ru.der", "Email", "dit@minsvyaz.ru")]
    [InlineData("wildcard_san.pem", "Email", null)]
    public void Reads_the_first_value_of_each_subject_attribute(string vector, string field, string? expected)
    {
        var record = X509TestFiles.ParseSingleVector(vector);

        Assert.Equal(expected, Field(record.Subject, field));
    }

    [Theory]
    [InlineData("wildcard_san.pem", "CommonName", "Trustwave Organization Validation SHA256 CA, Level 1")]
    [InlineData("wildcard_san.pem", "Email", "ca@trustwave.com")]
    [InlineData("wildcard_san.pem", "Locality", "Chicago")]
    [InlineData("custom/all_supported_names.pem", "SerialNumber", "123")]
    [InlineData("custom/all_supported_names.pem", "State", "Texas")]
    [InlineData("letsencryptx3.pem", "OrganizationName", "Digital Signature Trust Co.")]
    public void Reads_issuer_attributes(string vector, string field, string expected)
    {
        var record = X509TestFiles.ParseSingleVector(vector);

        Assert.Equal(expected, Field(record.Issuer, field));
    }

    [Theory]
    [InlineData("custom/san_ipaddr.pem", "127.0.0.1|ff::")]
    [InlineData("custom/san_email_dns_ip_dirname_uri.pem", "cryptography.io|127.0.0.1|ff::")]
    [InlineData("wildcard_san.pem", "*.langui.sh|langui.sh|*.saseliminator.com|saseliminator.com")]
    [InlineData("utf8-dnsname.pem", "partner.biztositas.hu|biztositas.hu|*.biztositas.hu|biztosítás.hu|*.biztosítás.hu|xn--biztosts-fza2j.hu|*.xn--biztosts-fza2j.hu")]
    [InlineData("custom/san_empty_hostname.pem", "")]
    [InlineData("custom/san_other_name.pem", "")]
    [InlineData("custom/san_uri_with_port.pem", "")]
    [InlineData("san_x400address.der", "")]
    [InlineData("san_edipartyname.der", "")]
    [InlineData("custom/utf8_common_name.pem", "")]
    public void Reads_only_dns_names_and_ip_addresses_from_the_san_extension(string vector, string expected)
    {
        var record = X509TestFiles.ParseSingleVector(vector);

        Assert.Equal(expected, string.Join('|', record.SubjectAlternativeNames));
    }

    [Theory]
    [InlineData("ecdsa_root.pem", true)] // ECDSA P-384 signature verified with its own key
    [InlineData("custom/dsa_selfsigned_ca.pem", true)] // DSA signature verified
    [InlineData("PKITS_data/certs/TrustAnchorRootCertificate.crt", true)] // RSA PKCS#1 verified
    [InlineData("custom/rsa_pss.pem", true)] // RSASSA-PSS, SHA-1, salt 20: verified
    [InlineData("custom/rsa_pss_cert.pem", true)] // PSS salt 222 cannot be checked here: names decide
    [InlineData("verisign_md2_root.pem", true)] // MD2 cannot be checked: names decide
    [InlineData("ed25519/root-ed25519.pem", true)] // Ed25519 cannot be checked: names decide
    [InlineData("letsencryptx3.pem", false)] // issued by DST Root CA X3
    [InlineData("v1_cert.pem", false)]
    [InlineData("PKITS_data/certs/DSACACert.crt", false)]
    public void Decides_self_signed_from_names_and_own_signature(string vector, bool expected)
    {
        Assert.Equal(expected, X509TestFiles.ParseSingleVector(vector).IsSelfSigned);
    }

    [Fact]
    public void Denies_self_signed_when_the_names_match_but_the_own_key_does_not_verify()
    {
        var der = X509TestFiles.ParseSingleVector("PKITS_data/certs/TrustAnchorRootCertificate.crt").Der.ToArray();
        der[^1] ^= 0x01; // the last byte belongs to the signature value

        var record = Assert.Single(X509TestFiles.ParseBytes(der)).Record;

        Assert.NotNull(record);
        Assert.Equal(record.Issuer.DistinguishedName, record.Subject.DistinguishedName);
        Assert.False(record.IsSelfSigned);
    }

    [Theory]
    [InlineData("custom/negative_serial.pem", "1081502952467")] // openssl shows -0x04316693ED: bytes read unsigned
    [InlineData("cryptography.io.pem", "16160")]
    [InlineData("PKITS_data/certs/TrustAnchorRootCertificate.crt", "1")]
    public void Writes_the_serial_as_an_unsigned_decimal(string vector, string expected)
    {
        Assert.Equal(expected, X509TestFiles.ParseSingleVector(vector).SerialNumber);
    }

    [Theory]
    [InlineData("ecdsa_root.pem", "sha384ECDSA", "ECC", 384, 3)]
    [InlineData("custom/rsa_pss_cert.pem", "RSASSA-PSS", "RSASSA-PSS", 2048, 3)]
    [InlineData("custom/dsa_selfsigned_ca.pem", "sha1DSA", "DSA", 2048, 3)]
    [InlineData("ed25519/root-ed25519.pem", "ED25519", "ED25519", null, 3)]
    [InlineData("v1_cert.pem", "md5RSA", "RSA", 512, 1)]
    public void Describes_signature_and_key(string vector, string signature, string key, int? keySize, int version)
    {
        var record = X509TestFiles.ParseSingleVector(vector);

        Assert.Equal((signature, key, keySize, version), (record.SignatureAlgorithm, record.KeyAlgorithm, record.KeySize, record.Version));
    }

    [Fact]
    public void Writes_the_fingerprint_as_colon_separated_upper_case_sha256_and_sha1_as_plain_hex()
    {
        var record = X509TestFiles.ParseSingleVector("custom/san_ipaddr.pem");

        Assert.Equal("40:72:FC:2A:C1:99:27:D1:65:DE:7E:10:09:95:A6:6A:48:EF:18:08:58:3D:0E:A0:E5:07:22:1E:C4:BA:DE:5F", record.Fingerprint);
        Assert.Equal(record.Sha256, record.Fingerprint.Replace(":", "").ToLowerInvariant());
        Assert.Equal("9d301ddef53b2d0f4b30b265c8124bbb7a2fb392", record.Sha1);
    }

    [Fact]
    public void Reads_validity_in_utc_including_two_digit_utc_time_years()
    {
        var record = X509TestFiles.ParseSingleVector("v1_cert.pem");

        Assert.Equal(new DateTimeOffset(1995, 6, 19, 23, 33, 12, TimeSpan.Zero), record.NotBefore);
        Assert.Equal(TimeSpan.Zero, record.NotAfter.Offset);
    }

    [Fact]
    public void Keeps_the_der_exactly_as_the_platform_reads_it()
    {
        var path = X509TestFiles.Vector("e-trust.ru.der");
        var record = X509TestFiles.ParseSingleVector("e-trust.ru.der");

        Assert.Equal(File.ReadAllBytes(path), record.Der);
        Assert.Equal(X509CertificateLoader.LoadCertificateFromFile(path).RawData, record.Der);
    }

    private static string? Field(CertificateName name, string field) => field switch
    {
        "CommonName" => name.CommonName,
        "OrganizationName" => name.OrganizationName,
        "OrganizationUnitName" => name.OrganizationUnitName,
        "Email" => name.Email,
        "GivenName" => name.GivenName,
        "Surname" => name.Surname,
        "SerialNumber" => name.SerialNumber,
        "Locality" => name.Locality,
        "State" => name.State,
        "Country" => name.Country,
        "Street" => name.Street,
        "PostalCode" => name.PostalCode,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "unknown field"),
    };
}
