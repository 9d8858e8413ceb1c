using Microsoft.EntityFrameworkCore.Metadata;
using Sightline.Data;

namespace Sightline.Tests.Storage;

/// <summary>The schema stays ready for Citus (docs/scaling.md): checked on the EF model of both providers.</summary>
public sealed class DistributionKeyTests
{
    public static TheoryData<string> Providers => new() { "sqlite", "postgres" };

    private static IModel Model(string provider)
    {
        var store = provider == "postgres" ? StoreOptions.Postgres("Host=localhost;Database=model") : StoreOptions.Sqlite(":memory:");
        using var db = store.CreateContext();
        return db.Model;
    }

    private static IEnumerable<IEntityType> Tables(IModel model) => model.GetEntityTypes().Where(e => !e.IsOwned());

    private static string[] Columns(IEnumerable<IProperty> properties) => [.. properties.Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_table_that_names_a_host_has_the_host_in_its_primary_key(string provider)
    {
        var checkedTables = 0;
        foreach (var table in Tables(Model(provider)))
        {
            if (Distribution.HostKeyOf(table.GetProperties().Select(p => p.Name)) is not { } hostKey)
            {
                continue;
            }
            Assert.True(Columns(table.FindPrimaryKey()!.Properties).Contains(hostKey),
                $"{table.ClrType.Name}: its primary key ({string.Join(", ", Columns(table.FindPrimaryKey()!.Properties))}) lacks the host key {hostKey}.");
            checkedTables++;
        }
        Assert.True(checkedTables >= 12, $"only {checkedTables} tables name a host");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_table_has_a_placement_and_sharded_tables_hold_their_column_in_every_unique_key(string provider)
    {
        foreach (var table in Tables(Model(provider)))
        {
            Assert.True(Distribution.Tables.TryGetValue(table.ClrType, out var placement), $"{table.ClrType.Name} has no placement in Distribution.Tables.");
            if (placement.Kind == Placement.Reference)
            {
                continue;
            }
            var uniques = table.GetIndexes().Where(i => i.IsUnique).Select(i => Columns(i.Properties))
                .Append(Columns(table.FindPrimaryKey()!.Properties));
            foreach (var unique in uniques)
            {
                Assert.True(unique.Contains(placement.Column),
                    $"{table.ClrType.Name}: the unique key ({string.Join(", ", unique)}) lacks the distribution column {placement.Column}.");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Tables_sharded_by_host_name_it_in_the_column_the_rule_reads(string provider)
    {
        var model = Model(provider);
        foreach (var (type, placement) in Distribution.Tables.Where(t => t.Value.Kind == Placement.ByHost && t.Key != typeof(Data.Entities.Host)))
        {
            var table = model.FindEntityType(type)!;
            Assert.Equal(Distribution.HostKeyOf(table.GetProperties().Select(p => p.Name)), placement.Column);
        }
    }
}
