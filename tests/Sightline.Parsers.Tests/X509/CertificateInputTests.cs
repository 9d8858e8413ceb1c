using System.Text;
using Sightline.Parsers.Common;
using Sightline.Parsers.X509;

namespace Sightline.Parsers.Tests.X509;

/// <summary>Format detection, PEM and DER framing, and clean rejection of bad input (never an exception).</summary>
public sealed class CertificateInputTests
{
    private static byte[] RootDer => X509TestFiles.ParseSingleVector("PKITS_data/certs/TrustAnchorRootCertificate.crt").Der;

    private static string RootPem => Pem("CERTIFICATE", RootDer);

    [Theory]
    [InlineData("empty", "", "no PEM block")]
    [InlineData("plain text", "hello, world\nnothing to see\n", "no PEM block")]
    [InlineData("a lone zero digit", "0", "too short to be a DER certificate")]
    [InlineData("text starting with 0", "0 s:/CN=example\n", "too short to be a DER certificate")]
    public void Rejects_input_that_is_neither_pem_nor_der_with_one_failure(string name, string text, string reason)
    {
        var only = Assert.Single(X509TestFiles.ParseBytes(Encoding.UTF8.GetBytes(text)));

        Assert.True(only.IsError, name);
        Assert.Equal(1, only.Position);
        Assert.Contains(reason, only.Error);
    }

    [Theory]
    [InlineData("random binary", new byte[] { 0xde, 0xad, 0xbe, 0xef, 0x00, 0xff })]
    [InlineData("a DER INTEGER", new byte[] { 0x02, 0x81, 0x01, 0x05 })]
    public void Rejects_binary_garbage_without_throwing(string name, byte[] bytes)
    {
        var only = Assert.Single(X509TestFiles.ParseBytes(bytes));

        Assert.True(only.IsError, name);
    }

    [Fact]
    public void Rejects_truncated_der_naming_the_missing_length()
    {
        var only = Assert.Single(X509TestFiles.ParseBytes(RootDer[..(RootDer.Length / 2)]));

        Assert.Equal(1, only.Position);
        Assert.Contains("truncated", only.Error);
    }

    [Fact]
    public void Rejects_der_with_indefinite_length()
    {
        var only = Assert.Single(X509TestFiles.ParseBytes([0x30, 0x80, 0x02, 0x01, 0x01, 0x00, 0x00]));

        Assert.Contains("indefinite length", only.Error);
    }

    [Fact]
    public void Rejects_a_der_sequence_that_is_not_a_certificate()
    {
        var csr = File.ReadAllBytes(X509TestFiles.Vector("requests/rsa_sha256.der"));

        var only = Assert.Single(X509TestFiles.ParseBytes(csr));

        Assert.StartsWith("not a decodable X.509 certificate", only.Error);
    }

    [Fact]
    public void Reads_concatenated_der_certificates_and_reports_trailing_garbage_by_position()
    {
        var ecdsa = X509TestFiles.ParseSingleVector("ecdsa_root.pem").Der;
        byte[] input = [.. RootDer, .. ecdsa, 0x04, 0x00];

        var results = X509TestFiles.ParseBytes(input);

        Assert.Equal([1L, 2L, 3L], results.Select(r => r.Position));
        Assert.Equal(RootDer, results[0].Record?.Der);
        Assert.Equal(ecdsa, results[1].Record?.Der);
        Assert.Contains("not a SEQUENCE", results[2].Error);
    }

    [Fact]
    public void Skips_non_certificate_blocks_naming_their_type_and_keeps_the_certificate_between_them()
    {
        var results = X509TestFiles.ParseFile(X509TestFiles.Vector("cryptography.io.with_garbage.pem"));

        Assert.Equal(3, results.Count);
        Assert.Equal((1L, "PEM block 'PRIVATE KEY' is not a certificate"), (results[0].Position, results[0].Error));
        Assert.Equal("www.cryptography.io", results[1].Record?.Subject.CommonName);
        Assert.Equal((3L, "PEM block 'PRIVATE KEY' is not a certificate"), (results[2].Position, results[2].Error));
    }

    [Fact]
    public void Names_a_certificate_request_block_as_not_a_certificate()
    {
        var only = Assert.Single(X509TestFiles.ParseFile(X509TestFiles.Vector("requests/rsa_sha256.pem")));

        Assert.Equal("PEM block 'CERTIFICATE REQUEST' is not a certificate", only.Error);
    }

    [Fact]
    public void Rejects_broken_base64_and_continues_with_the_next_block()
    {
        var broken = RootPem.Replace("-----\n", "-----\n!!not base64!!\n", StringComparison.Ordinal);
        var text = $"leading words\n{RootPem}between\n{broken}{RootPem}trailing words\n";

        var results = Parse(text);

        Assert.Equal(3, results.Count);
        Assert.NotNull(results[0].Record);
        Assert.Equal((2L, "PEM block 'CERTIFICATE' has broken base64"), (results[1].Position, results[1].Error));
        Assert.NotNull(results[2].Record);
    }

    [Fact]
    public void Rejects_a_certificate_block_whose_der_does_not_decode()
    {
        var results = Parse(Pem("CERTIFICATE", RootDer[..200]) + RootPem);

        Assert.StartsWith("not a decodable X.509 certificate", results[0].Error);
        Assert.NotNull(results[1].Record);
    }

    [Fact]
    public void Rejects_a_block_without_end_line_as_truncated()
    {
        var cut = RootPem[..(RootPem.Length / 2)];

        var results = Parse(RootPem + cut);

        Assert.NotNull(results[0].Record);
        Assert.Equal((2L, "PEM block 'CERTIFICATE' is truncated: no END line"), (results[1].Position, results[1].Error));
    }

    [Fact]
    public void Rejects_a_block_interrupted_by_the_next_begin_and_reads_that_next_block()
    {
        var cut = RootPem[..(RootPem.Length / 2)] + "\n";

        var results = Parse(cut + RootPem);

        Assert.Equal((1L, "PEM block 'CERTIFICATE' has no END line before the next BEGIN"), (results[0].Position, results[0].Error));
        Assert.Equal(2L, results[1].Position);
        Assert.NotNull(results[1].Record);
    }

    [Fact]
    public void Rejects_mismatched_end_label()
    {
        var text = RootPem.Replace("-----END CERTIFICATE-----", "-----END X509 CRL-----", StringComparison.Ordinal);

        Assert.Equal("PEM block BEGIN 'CERTIFICATE' ends with END 'X509 CRL'", Assert.Single(Parse(text)).Error);
    }

    [Theory]
    [InlineData("X509 CERTIFICATE")] // OpenSSL's pre-RFC 7468 label
    [InlineData("CERTIFICATE")]
    public void Accepts_certificate_labels(string label)
    {
        Assert.NotNull(Assert.Single(Parse(Pem(label, RootDer))).Record);
    }

    [Fact]
    public void Reads_pem_with_a_utf8_bom_crlf_line_ends_and_indentation()
    {
        var text = "  " + RootPem.Replace("\n", "\r\n  ", StringComparison.Ordinal);
        byte[] bytes = [0xef, 0xbb, 0xbf, .. Encoding.ASCII.GetBytes(text)];

        Assert.Equal(RootDer, Assert.Single(X509TestFiles.ParseBytes(bytes)).Record?.Der);
    }

    [Theory]
    [InlineData("pem")]
    [InlineData("der")]
    public void Reads_a_non_seekable_stream_that_returns_one_byte_at_a_time(string format)
    {
        byte[] bytes = format == "der" ? [.. RootDer, .. RootDer] : Encoding.ASCII.GetBytes(RootPem + RootPem);
        using var stream = new TrickleStream(bytes);

        var results = CertificateParser.Parse(stream).ToList();

        Assert.Equal(2, results.Count(r => r.Record?.Der.AsSpan().SequenceEqual(RootDer) == true));
    }

    [Fact]
    public void Reads_pem_from_a_text_reader()
    {
        using var reader = new StringReader("junk\n" + RootPem + Pem("PUBLIC KEY", [1, 2, 3]));

        var results = CertificateParser.ParsePem(reader).ToList();

        Assert.Equal(RootDer, results[0].Record?.Der);
        Assert.Equal((2L, "PEM block 'PUBLIC KEY' is not a certificate"), (results[1].Position, results[1].Error));
    }

    [Fact]
    public void Streams_without_reading_ahead_of_the_consumer()
    {
        using var stream = new TrickleStream(Encoding.ASCII.GetBytes(RootPem + RootPem + RootPem));

        var first = CertificateParser.Parse(stream).First();

        Assert.NotNull(first.Record);
        Assert.True(stream.Consumed < stream.Total, $"read {stream.Consumed} of {stream.Total} bytes for the first record");
    }

    private static List<Parsed<CertificateRecord>> Parse(string text) => X509TestFiles.ParseBytes(Encoding.ASCII.GetBytes(text)).ToList();

    internal static string Pem(string label, byte[] der) =>
        $"-----BEGIN {label}-----\n{Convert.ToBase64String(der, Base64FormattingOptions.InsertLineBreaks).Replace("\r\n", "\n")}\n-----END {label}-----\n";

    /// <summary>A non-seekable stream that hands out one byte per read, as a slow network source might.</summary>
    private sealed class TrickleStream(byte[] data) : Stream
    {
        public int Consumed { get; private set; }

        public int Total => data.Length;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (Consumed == data.Length || count == 0)
            {
                return 0;
            }
            buffer[offset] = data[Consumed++];
            return 1;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
