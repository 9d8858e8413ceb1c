using Microsoft.EntityFrameworkCore;
using Sightline.Data.Demo;
using Sightline.Data.Ingestion;
using Sightline.Tests.Support;

namespace Sightline.Tests.Cli;

/// <summary>
/// <c>demo --out DIR</c> writes the demo's inputs as files a user can import; the WHOIS responses carry their
/// collection time as the file's time, which the <c>import</c> command reads when no <c>seen</c> is given.
/// </summary>
public sealed class DemoCommandTests : IAsyncLifetime
{
    private SightlineServer _server = null!;

    public async Task InitializeAsync() => _server = await SightlineServer.StartAsync(loadDemo: false);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Demo_files_are_written_with_an_import_script_and_whois_times_as_file_times()
    {
        var folder = Path.Combine(_server.DataDir, "demo-files");
        var (exit, stdout, stderr) = await SightlineCli.RunAsync(TimeSpan.FromSeconds(120), "demo", "--out", folder);
        Assert.True(exit == 0, stdout + stderr);

        var files = DemoFiles.Build();
        Assert.All(files, f => Assert.Equal(f.Content, File.ReadAllBytes(Path.Combine(folder, f.Name))));
        var whois = files.Where(f => f.Format == "whois").ToList();
        Assert.NotEmpty(whois);
        Assert.All(whois, f => Assert.Equal(DateTimeOffset.Parse(f.Settings["seen"], System.Globalization.CultureInfo.InvariantCulture).UtcDateTime,
            File.GetLastWriteTimeUtc(Path.Combine(folder, f.Name))));
        var script = await File.ReadAllLinesAsync(Path.Combine(folder, "import.sh"));
        Assert.Single(script, l => l.Contains("--format whois", StringComparison.Ordinal));
        Assert.Equal(files.Count - whois.Count + 1, script.Count(l => l.StartsWith("dotnet run", StringComparison.Ordinal)));
        Assert.Contains(script, l => l.Contains("--format stix --set 'tag=Unit 42'", StringComparison.Ordinal));

        // The folder of responses imported by the CLI gives the very versions the demo's explicit times give.
        (exit, stdout, stderr) = await SightlineCli.RunAsync(TimeSpan.FromSeconds(300), ["import", .. _server.StoreArgs, "--format", "whois", Path.Combine(folder, "synthetic", "whois")]);
        Assert.True(exit == 0, stdout + stderr);
        var expected = await ExpectedWhoisAsync(whois);
        await using var db = _server.CreateDb();
        var actual = await db.WhoisRecords.Select(w => new { w.Id, w.IsCurrent, w.FirstSeenDateTime, w.LastSeenDateTime }).ToListAsync();
        Assert.Equal(expected.Count, actual.Count);
        Assert.All(actual, w => Assert.Equal(expected[w.Id], (w.IsCurrent, w.FirstSeenDateTime, w.LastSeenDateTime)));
    }

    /// <summary>The WHOIS versions the demo's files make when imported in-process with their explicit <c>seen</c> settings.</summary>
    private static async Task<Dictionary<string, (bool, DateTimeOffset?, DateTimeOffset?)>> ExpectedWhoisAsync(IReadOnlyList<DemoFile> whois)
    {
        var dir = Path.Combine(Path.GetTempPath(), "sightline-demo-cli", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            await using var db = Sightline.Data.StoreOptions.Sqlite(Path.Combine(dir, "expected.db")).CreateContext();
            await db.Database.MigrateAsync();
            var importer = Importers.Find("whois")!;
            foreach (var file in whois)
            {
                using var input = new MemoryStream(file.Content);
                var report = await importer.ImportAsync(db, input, new ImportContext(file.Name, new ImportOptions()) { Settings = file.Settings });
                Assert.True(report.Succeeded, file.Name);
            }
            return await db.WhoisRecords.ToDictionaryAsync(w => w.Id, w => (w.IsCurrent, w.FirstSeenDateTime, w.LastSeenDateTime));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }
}
