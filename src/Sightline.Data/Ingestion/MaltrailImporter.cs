using System.Text;
using Sightline.Data.Entities;
using Sightline.Parsers.Blocklists;
using Sightline.Parsers.Common;

namespace Sightline.Data.Ingestion;

/// <summary>
/// stamparm/maltrail static trails: each file is one list, <c>maltrail/&lt;file name&gt;</c> (for example
/// <c>maltrail/apt_lazarus</c>), or the <c>list</c> setting; every trail keeps the report it was cited from.
/// </summary>
internal sealed class MaltrailImporter : ListImporter
{
    public const string Prefix = "maltrail/";

    public override string Format => "maltrail";

    public override bool Recognises(string extension, string head) => extension is ".txt" or "" && MaltrailReader.LooksLikeMaltrail(head);

    protected override IEnumerable<Parsed<ListEntry>> Parse(Stream input, ImportContext context)
    {
        var list = ListName(context, Prefix, "maltrail");
        return MaltrailReader.Read(new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16))
            .Select(p => p.IsError ? Parsed<ListEntry>.Fail(p.Position, p.Error!) : Parsed<ListEntry>.Ok(p.Position, new ListEntry
            {
                List = list,
                Value = p.Record!.Value,
                Host = p.Record.Host ?? "",
                Kind = (ListEntryKind)(int)p.Record.Kind,
                Reference = p.Record.Reference,
            }));
    }
}
