using System.Text;
using Sightline.Data.Entities;
using Sightline.Parsers.Blocklists;
using Sightline.Parsers.Common;

namespace Sightline.Data.Ingestion;

/// <summary>stamparm/ipsum: IP addresses with the number of blocklists that name each, stored as the list <c>ipsum</c>.</summary>
internal sealed class IpsumImporter : ListImporter
{
    public const string List = "ipsum";
    public const string Home = "https://github.com/stamparm/ipsum";

    public override string Format => "ipsum";

    public override bool Recognises(string extension, string head) => extension is ".txt" or "" && IpsumReader.LooksLikeIpsum(head);

    protected override IEnumerable<Parsed<ListEntry>> Parse(Stream input, ImportContext context) =>
        IpsumReader.Read(new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16))
            .Select(p => p.IsError ? Parsed<ListEntry>.Fail(p.Position, p.Error!) : Parsed<ListEntry>.Ok(p.Position, new ListEntry
            {
                List = IpsumImporter.List,
                Value = p.Record!.Address,
                Host = p.Record.Address,
                Kind = ListEntryKind.IpAddress,
                Count = p.Record.Lists,
                Reference = Home,
                ListDateTime = p.Record.ListDate,
            }));
}
