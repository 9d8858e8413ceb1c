namespace Sightline.Parsers.X509;

/// <summary>Decodes the one certificate a sighting carries, from its <c>pem</c> text or its base64 <c>der</c>.</summary>
internal static class SightingCertificate
{
    public static CertificateRecord? Read(string? pem, string? der, out string? error)
    {
        if (pem is not null && der is not null)
        {
            error = "a sighting gives either 'pem' or 'der', not both";
            return null;
        }
        if (der is not null)
        {
            var buffer = new byte[(der.Length * 3 / 4) + 3];
            if (!Convert.TryFromBase64String(der, buffer, out var written) || written == 0)
            {
                error = "'der' is not valid base64";
                return null;
            }
            return Decoded(CertificateDecoder.Decode(buffer.AsSpan(0, written).ToArray(), out var reason), reason, out error);
        }
        if (pem is null)
        {
            error = "missing 'pem' or 'der' certificate";
            return null;
        }
        return FromPem(pem, out error);
    }

    private static CertificateRecord? FromPem(string pem, out string? error)
    {
        using var reader = new StringReader(pem);
        var blocks = PemBlockReader.Read(reader).Take(2).ToList();
        if (blocks.Count != 1)
        {
            error = blocks.Count == 0
                ? "'pem' holds no PEM block"
                : "'pem' holds more than one PEM block; a sighting carries one certificate";
            return null;
        }
        var block = blocks[0];
        if (block.Data is null)
        {
            error = block.Error;
            return null;
        }
        return Decoded(CertificateDecoder.Decode(block.Data, out var reason), reason, out error);
    }

    private static CertificateRecord? Decoded(CertificateRecord? record, string? reason, out string? error)
    {
        error = record is null ? reason ?? "not a decodable X.509 certificate" : null;
        return record;
    }
}
