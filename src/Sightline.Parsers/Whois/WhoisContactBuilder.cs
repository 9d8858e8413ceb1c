using System.Text.RegularExpressions;

namespace Sightline.Parsers.Whois;

/// <summary>
/// Collects one contact's fields as they turn up. Labelled fields win over what is guessed from unlabelled block
/// lines (old .edu, .pl, .ch and Nominet layouts list a contact as bare lines under a title).
/// </summary>
internal sealed partial class WhoisContactBuilder
{
    private readonly Dictionary<WhoisField, string> _values = [];
    private readonly List<string> _street = [];
    private readonly List<string> _block = [];

    public string? Get(WhoisField field) => _values.GetValueOrDefault(field);

    public void Set(WhoisField field, string value)
    {
        var clean = value.Trim();
        // Placeholders registries print for a withheld field.
        if (clean.Length == 0 || clean is "." or "-" || clean.Equals("n/a", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        if (field == WhoisField.FamilyName)
        {
            // "Given name: Jack" then "Family name: Bi".
            _values[WhoisField.Name] = Get(WhoisField.Name) is { } given ? given + " " + clean : clean;
            return;
        }
        if (field == WhoisField.Street)
        {
            _street.Add(clean);
            return;
        }
        _values.TryAdd(field, clean);
    }

    private string? _roleValue;

    public void AddBlockLine(string line) => _block.Add(line.Trim());

    public void SetRoleValue(string value) => _roleValue ??= value.Trim();

    /// <summary>Fills what this contact lacks from another description of the same contact (a resolved handle).</summary>
    public void MergeFrom(WhoisContactBuilder other)
    {
        foreach (var (field, value) in other._values)
        {
            if (field != WhoisField.Id)
            {
                _values.TryAdd(field, value);
            }
        }
        if (_street.Count == 0)
        {
            _street.AddRange(other._street);
        }
    }

    public WhoisContactData? Build(WhoisRole role)
    {
        if (_roleValue is { Length: > 0 } roleValue)
        {
            Set(Get(WhoisField.Name) is null ? WhoisField.Name : WhoisField.Organization, roleValue);
            _roleValue = null;
        }
        ApplyBlock(role);
        var contact = new WhoisContactData
        {
            Name = Get(WhoisField.Name),
            Organization = Get(WhoisField.Organization),
            Email = Get(WhoisField.Email),
            Telephone = Get(WhoisField.Telephone),
            Fax = Get(WhoisField.Fax),
            Street = _street.Count == 0 ? null : string.Join(", ", _street),
            City = Get(WhoisField.City),
            State = Get(WhoisField.State),
            PostalCode = Get(WhoisField.PostalCode),
            CountryOrRegion = Get(WhoisField.Country),
        };
        return contact == new WhoisContactData() ? null : contact;
    }

    /// <summary>
    /// Guesses fields from bare lines: an e-mail address and phone numbers by their shape; then, in order, the
    /// name (the organization for a registrant, which these layouts list first), the organization, the street.
    /// </summary>
    private void ApplyBlock(WhoisRole role)
    {
        var text = new List<string>();
        foreach (var line in _block.SelectMany(SplitColumns))
        {
            if (EmailRegex().IsMatch(line)) { Set(WhoisField.Email, line); }
            else if (PhoneRegex().Match(line) is { Success: true } phone)
            {
                Set(line.StartsWith("fax", StringComparison.OrdinalIgnoreCase) || Get(WhoisField.Telephone) is not null
                    ? WhoisField.Fax : WhoisField.Telephone, phone.Groups[1].Value);
            }
            else if (line.Length > 0) { text.Add(line); }
        }
        if (text.Count == 0)
        {
            if (_nameBesideEmail is { } only) { Set(WhoisField.Name, only); }
            return;
        }
        var start = 0;
        if (_nameBesideEmail is { } person && Get(WhoisField.Name) is null && Get(WhoisField.Organization) is null)
        {
            // "CIMTA" / "Super AE  super.ae88@example.com": the person is beside the address, the first line is the organization.
            Set(WhoisField.Name, person);
            Set(WhoisField.Organization, text[0]);
            start = 1;
        }
        else if (Get(WhoisField.Name) is null && Get(WhoisField.Organization) is null)
        {
            start = GuessNameAndOrganization(role, text);
        }
        else if (role == WhoisRole.Registrar && Get(WhoisField.Name) is null)
        {
            Set(WhoisField.Name, text[0]);
            start = 1;
        }
        if (_street.Count == 0)
        {
            for (var i = start; i < text.Count; i++) { Set(WhoisField.Street, text[i]); }
        }
        // Postal blocks end with the country: "US", "Ukraine", "United States".
        if (text.Count > start && (CountryCodeRegex().IsMatch(text[^1])
            || (text.Count - start >= 3 && !text[^1].Any(char.IsDigit) && text[^1].Split(' ').Length <= 3)))
        {
            Set(WhoisField.Country, text[^1]);
        }
    }

    private string? _nameBesideEmail;

    /// <summary>
    /// Orders vary: a registrar block starts with its name; a block starting with a company form ("Ltd", "Inc")
    /// starts with the organization, maybe followed by the person to contact; a registrant block without an
    /// e-mail address is an organization and its address; otherwise a person, then an organization.
    /// </summary>
    private int GuessNameAndOrganization(WhoisRole role, List<string> text)
    {
        var reachable = Get(WhoisField.Email) is not null;
        if (role == WhoisRole.Registrar)
        {
            Set(WhoisField.Name, text[0]);
            return 1;
        }
        if (OrganizationRegex().IsMatch(text[0]))
        {
            Set(WhoisField.Organization, text[0]);
            if (reachable && text.Count > 1 && !text[1].Any(char.IsDigit) && !OrganizationRegex().IsMatch(text[1]))
            {
                Set(WhoisField.Name, text[1]);
                return 2;
            }
            return 1;
        }
        if (role == WhoisRole.Registrant && !reachable)
        {
            Set(WhoisField.Organization, text[0]);
            return 1;
        }
        Set(WhoisField.Name, text[0]);
        if (text.Count > 2)
        {
            Set(WhoisField.Organization, text[1]);
            return 2;
        }
        return 1;
    }

    /// <summary>"DNS Admin  dns-admin@google.com": columns separated by two or more spaces.</summary>
    private IEnumerable<string> SplitColumns(string line)
    {
        var match = NameAndEmailRegex().Match(line);
        if (match.Success)
        {
            // The name beside an address names the person; it is no street line.
            _nameBesideEmail ??= match.Groups[1].Value;
            return [match.Groups[2].Value];
        }
        return [line];
    }

    [GeneratedRegex(@"^(\S.*?)\s{2,}([^\s@]+@[^\s@]+\.[^\s@]+)$")]
    private static partial Regex NameAndEmailRegex();

    [GeneratedRegex(@"\b(inc|llc|ltd|limited|corp|corporation|company|co|gmbh|ag|sa|s\.a|sas|bv|b\.v|nv|plc|pty|university|universit|institute|foundation|association|group|holdings?|kk|oy|ab|as|srl|s\.r\.o|spa|lp|llp)\b\.?", RegexOptions.IgnoreCase)]
    private static partial Regex OrganizationRegex();

    [GeneratedRegex(@"^[^\s@]+@[^\s@]+\.[^\s@]+$")]
    private static partial Regex EmailRegex();

    [GeneratedRegex(@"^(?:(?:phone|tel|telephone|fax|fax-no)\.?:?\s*)?(\+?[\d][\d\s().\-x]{6,})$", RegexOptions.IgnoreCase)]
    private static partial Regex PhoneRegex();

    [GeneratedRegex(@"^[A-Z]{2}$")]
    private static partial Regex CountryCodeRegex();
}
