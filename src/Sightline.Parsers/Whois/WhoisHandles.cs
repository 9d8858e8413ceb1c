namespace Sightline.Parsers.Whois;

/// <summary>
/// RIPE-style contact objects: paragraphs carrying a "nic-hdl" that domain records point at by handle
/// ("admin-c: GIH5-FRNIC", "owner-c: CLA75", "registrant: FMR1234-NICAT").
/// </summary>
internal sealed class WhoisHandles
{
    private readonly Dictionary<string, WhoisContactBuilder> _byHandle = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<int> _paragraphs = [];

    public static WhoisHandles Collect(IReadOnlyList<WhoisLine> lines)
    {
        var handles = new WhoisHandles();
        foreach (var paragraph in lines.GroupBy(l => l.Paragraph))
        {
            var keyed = paragraph.Where(l => !l.IsBare).Select(l => (Line: l, Meaning: WhoisKeys.Classify(l.Key!))).ToList();
            var id = keyed.FirstOrDefault(k => k.Meaning.Kind == KeyKind.HandleId).Line?.Value;
            // A paragraph under a title ("Administrative Contact/Agent" then "NIC Handle: ...") is a section, not an object.
            if (string.IsNullOrWhiteSpace(id) || paragraph.First().IsBare || keyed.Any(k => k.Meaning.Kind == KeyKind.Domain))
            {
                continue;
            }
            var contact = new WhoisContactBuilder();
            foreach (var (line, meaning) in keyed)
            {
                if (meaning.Kind == KeyKind.Field)
                {
                    contact.Set(meaning.Field, line.Value);
                }
            }
            handles._byHandle.TryAdd(id.Trim(), contact);
            handles._paragraphs.Add(paragraph.Key);
        }
        return handles;
    }

    public bool IsHandleParagraph(int paragraph) => _paragraphs.Contains(paragraph);

    public WhoisContactBuilder? Find(string handle) => _byHandle.GetValueOrDefault(handle.Trim());
}
