namespace Sightline.Parsers.Whois;

internal enum SectionKind { None, Domain, Contact, NameServers, Status, Other }

/// <summary>The block a line belongs to: set by a title line ("Registrant:", "Name servers", "Tech") until a blank line.</summary>
internal readonly record struct WhoisSection(SectionKind Kind, WhoisRole Role, int Indent)
{
    public static readonly WhoisSection None = new(SectionKind.None, WhoisRole.Registrant, -1);
}

/// <summary>Recognizes section titles by their words.</summary>
internal static class WhoisSections
{
    private const int MaxTitleWords = 6;

    private static readonly (string Word, WhoisRole Role)[] _roleWords =
    [
        ("abuse", WhoisRole.Abuse), ("registrant", WhoisRole.Registrant), ("holder", WhoisRole.Registrant),
        ("owner", WhoisRole.Registrant), ("admin", WhoisRole.Admin), ("administrative", WhoisRole.Admin),
        ("tech", WhoisRole.Technical), ("technical", WhoisRole.Technical), ("billing", WhoisRole.Billing),
        ("registrar", WhoisRole.Registrar), ("noc", WhoisRole.Noc), ("zone", WhoisRole.Zone),
        ("titular", WhoisRole.Registrant), ("administrativo", WhoisRole.Admin), ("tecnico", WhoisRole.Technical),
        ("técnico", WhoisRole.Technical), ("cobranza", WhoisRole.Billing),
    ];

    private static readonly HashSet<string> _domainTitles = new(StringComparer.Ordinal)
    {
        "domain", "domain name", "domain information", "relevant dates", "dates", "dnssec", "important dates",
    };

    /// <summary>The section a title opens, or null when the text is not a section title.</summary>
    public static WhoisSection? Classify(string normalizedTitle, int indent)
    {
        var words = normalizedTitle.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > MaxTitleWords)
        {
            return null;
        }
        var title = normalizedTitle;
        if (title.Contains("name server", StringComparison.Ordinal) || title.Contains("nameserver", StringComparison.Ordinal)
            || title.Contains("nserver", StringComparison.Ordinal) || title.Contains("dns server", StringComparison.Ordinal)
            || title.Contains("domain servers", StringComparison.Ordinal) || title.Contains("네임서버", StringComparison.Ordinal))
        {
            return new WhoisSection(SectionKind.NameServers, WhoisRole.Registrant, indent);
        }
        // KazNIC's holder title; Dot TK titles the holder "Organisation".
        if (title is "organization using domain name" or "organisation" or "organization")
        {
            return new WhoisSection(SectionKind.Contact, WhoisRole.Registrant, indent);
        }
        foreach (var (word, role) in _roleWords)
        {
            if (Array.IndexOf(words, word) >= 0)
            {
                return new WhoisSection(SectionKind.Contact, role, indent);
            }
        }
        if (title == "contact information")
        {
            return new WhoisSection(SectionKind.Contact, WhoisRole.Admin, indent);
        }
        if (words[^1] == "status" || title == "status information")
        {
            return new WhoisSection(SectionKind.Status, WhoisRole.Registrant, indent);
        }
        return _domainTitles.Contains(title) ? new WhoisSection(SectionKind.Domain, WhoisRole.Registrant, indent) : null;
    }

    /// <summary>IANA's layout names the role in the value: "contact: administrative".</summary>
    public static WhoisRole? RoleOfContactValue(string value) => value.Trim().ToLowerInvariant() switch
    {
        "administrative" or "admin" => WhoisRole.Admin,
        "technical" or "tech" => WhoisRole.Technical,
        "billing" => WhoisRole.Billing,
        "registrant" or "holder" => WhoisRole.Registrant,
        "abuse" => WhoisRole.Abuse,
        "zone" => WhoisRole.Zone,
        _ => null,
    };
}
