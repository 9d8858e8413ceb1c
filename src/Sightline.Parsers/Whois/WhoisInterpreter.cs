using System.Text.RegularExpressions;

namespace Sightline.Parsers.Whois;

/// <summary>
/// Walks the lines of one response and collects domain facts and contacts. Keys are matched by meaning (see
/// <see cref="WhoisKeys"/>); keys without a role ("e-mail:") take the role of the section they sit in.
/// </summary>
internal sealed partial class WhoisInterpreter
{
    private readonly WhoisHandles _handles;
    private readonly Dictionary<WhoisRole, WhoisContactBuilder> _contacts = [];
    private readonly List<string> _statuses = [];
    private readonly List<string> _nameServers = [];
    private WhoisSection _section = WhoisSection.None;
    private int _sectionLines;
    private WhoisLine? _previous;
    private KeyMeaning _previousMeaning;
    // The keyed line that deeper-indented bare lines below it continue, while they do.
    private WhoisLine? _continued;

    public WhoisInterpreter(WhoisHandles handles) => _handles = handles;

    public string? Domain { get; private set; }
    public DateTimeOffset? Created { get; private set; }
    public DateTimeOffset? Updated { get; private set; }
    public DateTimeOffset? Expires { get; private set; }
    public string? WhoisServer { get; private set; }
    public string? Dnssec { get; private set; }
    public IReadOnlyList<string> Statuses => _statuses;
    public IReadOnlyList<string> NameServers => _nameServers;

    /// <summary>Dates, name servers or contacts: what a "not found" answer never has (a status may be "free").</summary>
    public bool HasRegistrationFacts =>
        Created is not null || Expires is not null || _nameServers.Count > 0 || _contacts.Count > 0;

    public void Read(IEnumerable<WhoisLine> lines)
    {
        foreach (var line in lines)
        {
            if (_handles.IsHandleParagraph(line.Paragraph))
            {
                continue;
            }
            var firstInParagraph = _previous is null || _previous.Paragraph != line.Paragraph;
            if (firstInParagraph && _sectionLines > 0)
            {
                _section = WhoisSection.None;
            }
            if (line.IsBare) { ReadBare(line); }
            else { ReadKey(line, firstInParagraph); }
            _previous = line;
        }
    }

    public WhoisContactBuilder? Contact(WhoisRole role)
    {
        if (!_contacts.TryGetValue(role, out var builder))
        {
            return null;
        }
        if (builder.Get(WhoisField.Id) is { } id && _handles.Find(id) is { } handle)
        {
            builder.MergeFrom(handle);
        }
        return builder;
    }

    private WhoisContactBuilder ContactFor(WhoisRole role)
    {
        if (!_contacts.TryGetValue(role, out var builder))
        {
            builder = new WhoisContactBuilder();
            _contacts[role] = builder;
        }
        return builder;
    }

    private void ReadBare(WhoisLine line)
    {
        // .kg: "Domain GOOGLE.KG (ACTIVE)".
        if (DomainHeadlineRegex().Match(line.Value) is { Success: true } headline && Domain is null)
        {
            Domain = WhoisValues.DomainName(headline.Groups[1].Value);
            AddStatus(headline.Groups[2].Value);
            return;
        }
        // A deeper-indented bare line continues the key above it ("Address: 1 Main St" / "   Springfield").
        if (_continued is { } keyed && keyed.Value.Length > 0 && line.Indent > keyed.Indent
            && keyed.Paragraph == line.Paragraph && _previousMeaning.Kind is not (KeyKind.Unknown or KeyKind.RoleUnknown))
        {
            Apply(_previousMeaning, line.Value, line);
            return;
        }
        _continued = null;
        if ((_section.Kind == SectionKind.None || line.Indent <= _section.Indent)
            && WhoisSections.Classify(WhoisLineReader.Normalize(line.Value), line.Indent) is { } title)
        {
            Open(title);
            return;
        }
        _sectionLines++;
        switch (_section.Kind)
        {
            case SectionKind.Domain: ReadDomainLine(line.Value); break;
            case SectionKind.NameServers: AddNameServer(line.Value); break;
            // Free text under a status title is a notice, not a flag.
            case SectionKind.Status when line.Value.Split(' ').Length <= 4: AddStatus(line.Value); break;
            case SectionKind.Contact: ContactFor(_section.Role).AddBlockLine(line.Value); break;
            default: break;
        }
    }

    private void ReadKey(WhoisLine line, bool firstInParagraph)
    {
        var meaning = WhoisKeys.Classify(line.Key!);
        _previousMeaning = meaning;
        _continued = line;
        if (line.Value.Length == 0)
        {
            // An empty labelled field ("Fax:", "Registrant Fax Ext:") is just empty; any other empty key is a section title.
            var title = (meaning.Kind is KeyKind.RoleField or KeyKind.RoleUnknown && WhoisKeys.IsRoleTitle(line.Key!, meaning.Role))
                || line.Key == "contact"
                || (line.Key is "organisation" or "organization" && _section.Kind != SectionKind.Contact);
            var field = meaning.Kind is KeyKind.Field or KeyKind.RoleField or KeyKind.RoleUnknown or KeyKind.Dnssec
                or KeyKind.Created or KeyKind.Updated or KeyKind.Expires or KeyKind.WhoisServer or KeyKind.HandleId;
            if (line.Key == "contact")
            {
                Open(new WhoisSection(SectionKind.Contact, WhoisRole.Registrant, line.Indent));
            }
            else if ((title || !field) && WhoisSections.Classify(line.Key!, line.Indent) is { } section)
            {
                Open(section);
            }
            else if (!field && firstInParagraph)
            {
                // An unknown title heading a paragraph ("Data validation:"): its lines belong to no contact.
                Open(new WhoisSection(SectionKind.Other, WhoisRole.Registrant, line.Indent));
            }
            return;
        }
        _sectionLines++;
        if (meaning.Kind == KeyKind.Field && meaning.Field == WhoisField.Name && line.Key == "contact"
            && WhoisSections.RoleOfContactValue(line.Value) is { } role)
        {
            Open(new WhoisSection(SectionKind.Contact, role, line.Indent));
            return;
        }
        Apply(meaning, line.Value, line);
        // "registrar: X" opening a paragraph titles the paragraph (AFNIC's registrar object, SWITCH's block).
        if (firstInParagraph && meaning.Kind == KeyKind.RoleKey)
        {
            Open(new WhoisSection(SectionKind.Contact, meaning.Role, line.Indent));
            _sectionLines = 1;
        }
    }

    private void Open(WhoisSection section)
    {
        _section = section;
        _sectionLines = 0;
    }

    private void Apply(KeyMeaning meaning, string value, WhoisLine line)
    {
        var inContact = _section.Kind == SectionKind.Contact;
        // "State: CA" inside a contact block is the contact's state, not the domain's.
        if (inContact && !line.IsBare && meaning.Kind == KeyKind.Status && WhoisKeys.GenericField(line.Key!) is { } field)
        {
            meaning = new KeyMeaning(KeyKind.Field, Field: field);
        }
        switch (meaning.Kind)
        {
            case KeyKind.Domain when !inContact: Domain ??= WhoisValues.DomainName(value); break;
            // Dates: the domain's come first; a contact's own "created:" further down never replaces them.
            case KeyKind.Created: Created ??= WhoisDates.Parse(value); break;
            case KeyKind.Updated: Updated ??= WhoisDates.Parse(value); break;
            case KeyKind.Expires: Expires ??= WhoisDates.Parse(value); break;
            case KeyKind.Status when !inContact || line.Key!.StartsWith("domain", StringComparison.Ordinal): AddStatus(value); break;
            case KeyKind.NameServer: AddNameServer(value); break;
            case KeyKind.WhoisServer: WhoisServer ??= WhoisValues.HostName(value) ?? value.Trim(); break;
            case KeyKind.Dnssec: Dnssec ??= value.Trim(); break;
            case KeyKind.HandleId when inContact: ContactFor(_section.Role).Set(WhoisField.Id, value); break;
            case KeyKind.RoleField: ContactFor(meaning.Role).Set(meaning.Field, value); break;
            case KeyKind.RoleKey: SetRole(meaning, value); break;
            case KeyKind.Field: SetField(meaning.Field, value, line); break;
            default: break;
        }
    }

    private void SetRole(KeyMeaning meaning, string value)
    {
        var contact = ContactFor(meaning.Role);
        // "registrant: FMR1234-NICAT" names a contact object; "Registrant: Example Ltd" names the registrant.
        if (_handles.Find(value) is not null || HandleRegex().IsMatch(value.Trim()))
        {
            contact.Set(WhoisField.Id, value);
            return;
        }
        if (meaning.Field == WhoisField.Name)
        {
            // "Registrant: Google INC" is the name unless a labelled name turns up too; then it is the organization.
            contact.SetRoleValue(value);
            return;
        }
        contact.Set(meaning.Field, value);
    }

    private void SetField(WhoisField field, string value, WhoisLine line)
    {
        switch (_section.Kind)
        {
            case SectionKind.Contact: ContactFor(_section.Role).Set(field, value); break;
            case SectionKind.Domain when field == WhoisField.Name && Domain is null: Domain = WhoisValues.DomainName(value); break;
            case SectionKind.None or SectionKind.Domain when line.Indent == 0 || _section.Kind == SectionKind.Domain:
                // Flat layouts (.by, IANA) list the holder's fields at the top level.
                ContactFor(WhoisRole.Registrant).Set(field, value);
                break;
            default: break;
        }
    }

    /// <summary>A bare line under a domain title: "GOOGLE.TK" or Dot TK's "GOOGLE.TK is Active".</summary>
    private void ReadDomainLine(string value)
    {
        var state = DomainIsRegex().Match(value);
        if (state.Success)
        {
            Domain ??= WhoisValues.DomainName(state.Groups[1].Value);
            AddStatus(state.Groups[2].Value);
            return;
        }
        Domain ??= WhoisValues.DomainName(value);
    }

    private void AddStatus(string value)
    {
        foreach (var flag in WhoisValues.Statuses(value))
        {
            if (!_statuses.Contains(flag, StringComparer.OrdinalIgnoreCase))
            {
                _statuses.Add(flag);
            }
        }
    }

    private void AddNameServer(string value)
    {
        if (WhoisValues.HostName(value) is { } host && !_nameServers.Contains(host, StringComparer.Ordinal))
        {
            _nameServers.Add(host);
        }
    }

    [GeneratedRegex(@"^Domain\s+(\S+\.\S+)\s+\((\w+)\)$")]
    private static partial Regex DomainHeadlineRegex();

    [GeneratedRegex(@"^(\S+)\s+is\s+(\w+)$", RegexOptions.IgnoreCase)]
    private static partial Regex DomainIsRegex();

    // A contact handle: one token with a digit, e.g. "FMR13403268-NICAT", "YN47525JP", "CLA75".
    [GeneratedRegex(@"^(?=[^\s]*\d)(?=[^\s]*[A-Za-z])[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*$")]
    private static partial Regex HandleRegex();
}
