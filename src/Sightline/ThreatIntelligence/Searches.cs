using System.Linq.Expressions;
using Sightline.Data.Entities;
using Sightline.OData;

namespace Sightline.ThreatIntelligence;

/// <summary>
/// <c>$search</c> in its two Graph forms: free text (articles, intel profiles: every word must occur) and a
/// quoted <c>"path:value"</c> on one property (whoisRecords, sslCertificates). Matching ignores case.
/// </summary>
internal static class Searches
{
    public static IReadOnlyList<string> Terms(string search)
    {
        var terms = search.Replace("\"", " ", StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(t => !string.Equals(t, "AND", StringComparison.Ordinal))
            .Select(t => t.ToLowerInvariant())
            .ToList();
        return terms.Count > 0 ? terms : throw GraphException.BadRequest("$search needs at least one word.");
    }

    public static IQueryable<Article> Articles(IQueryable<Article> source, string search)
    {
        foreach (var term in Terms(search))
        {
            source = source.Where(a => a.Title.ToLower().Contains(term)
                || (a.SummaryContent != null && a.SummaryContent.ToLower().Contains(term))
                || (a.BodyContent != null && a.BodyContent.ToLower().Contains(term))
                || a.Tags.Any(t => t.ToLower().Contains(term)));
        }
        return source;
    }

    public static IQueryable<IntelProfile> Profiles(IQueryable<IntelProfile> source, string search)
    {
        foreach (var term in Terms(search))
        {
            source = source.Where(p => p.Title.ToLower().Contains(term)
                || p.Aliases.Any(a => a.ToLower().Contains(term))
                || (p.SummaryContent != null && p.SummaryContent.ToLower().Contains(term))
                || (p.DescriptionContent != null && p.DescriptionContent.ToLower().Contains(term)));
        }
        return source;
    }

    public static (string Path, string Value) PathAndValue(string search, string collection, string example)
    {
        var text = search.Trim();
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
        {
            text = text[1..^1];
        }
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1)
        {
            throw GraphException.BadRequest($"$search on {collection} takes one \"path:value\" term, for example $search=\"{example}\".");
        }
        return (text[..colon].Trim(), text[(colon + 1)..].Trim());
    }

    /// <summary>Contact names, organizations and emails and name servers come from the WHOIS lookup index.</summary>
    public static IQueryable<WhoisRecord> Whois(Data.SightlineDb db, IQueryable<WhoisRecord> source, string search)
    {
        var (path, value) = PathAndValue(search, "whoisRecords", "admin/address/state:WA");
        var lowered = value.ToLowerInvariant();
        if (Pivots.FromWhoisLookup(db, source, new PivotTerm(path, [value])) is { } indexed)
        {
            return indexed;
        }
        var field = WhoisTypes.Record.FindPath(path);
        if (field is null || !path.Contains('/', StringComparison.Ordinal) || path.StartsWith("host/", StringComparison.OrdinalIgnoreCase))
        {
            throw GraphException.BadRequest($"'{path}' cannot be searched on whoisRecords; search a contact field (abuse, admin, billing, noc, registrant, registrar, technical, zone), for example \"registrant/email:x\", or \"nameservers/host/id:ns1.example.com\".");
        }
        return source.Where(EqualsIgnoringCase<WhoisRecord>(field, lowered));
    }

    public static IQueryable<SslCertificate> Certificates(IQueryable<SslCertificate> source, string search)
    {
        var (path, value) = PathAndValue(search, "sslCertificates", "issuer/commonName:Contoso");
        var lowered = value.ToLowerInvariant();
        switch (path.ToLowerInvariant())
        {
            case "fingerprint":
                var bare = lowered.Replace(":", "", StringComparison.Ordinal);
                return source.Where(c => c.Fingerprint != null && c.Fingerprint.Replace(":", "").ToLower() == bare);
            case "sha1":
                return source.Where(c => c.Sha1 == lowered);
            case "serialnumber":
                return source.Where(c => c.SerialNumber == value);
        }
        if (!path.StartsWith("issuer/", StringComparison.OrdinalIgnoreCase) && !path.StartsWith("subject/", StringComparison.OrdinalIgnoreCase)
            || CertificateTypes.Certificate.FindPath(path) is not { } field)
        {
            throw GraphException.BadRequest($"'{path}' cannot be searched on sslCertificates; use fingerprint, sha1, serialNumber, or an issuer/ or subject/ field such as \"issuer/commonName:Contoso\".");
        }
        return source.Where(EqualsIgnoringCase<SslCertificate>(field, lowered));
    }

    private static Expression<Func<T, bool>> EqualsIgnoringCase<T>(LambdaExpression field, string lowered)
    {
        var toLower = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;
        var body = Expression.AndAlso(
            Expression.NotEqual(field.Body, Expression.Constant(null, typeof(string))),
            Expression.Equal(Expression.Call(field.Body, toLower), Expression.Constant(lowered)));
        return Expression.Lambda<Func<T, bool>>(body, field.Parameters);
    }
}
