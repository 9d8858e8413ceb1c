using System.Text.Json;
using Sightline.Limits;
using Sightline.Tests.Support;

namespace Sightline.Tests.Limits;

public sealed class AuditTests
{
    [Fact]
    public async Task Each_request_is_a_json_line_with_subject_path_option_names_status_and_duration()
    {
        await using var server = await SightlineServer.StartAsync(loadDemo: false);
        using var client = server.Client();
        await client.GetJsonAsync(Graph.Root + "/articles?$filter=title eq 'secret-investigation'&$top=3");
        await server.AnonymousClient().GetErrorAsync(Graph.Root + "/articles", 401);

        var lines = ReadToday(server);
        var read = lines.Single(l => l.GetProperty("status").GetInt32() == 200);
        Assert.Equal("sightline-local-app", read.GetProperty("subject").GetString());
        Assert.Equal("GET", read.GetProperty("method").GetString());
        Assert.Equal(Graph.Root + "/articles", read.GetProperty("path").GetString());
        Assert.Equal(["$filter", "$top"], read.GetProperty("options").EnumerateArray().Select(o => o.GetString()!));
        Assert.False(read.TryGetProperty("query", out _));
        Assert.DoesNotContain(lines, l => l.ToString().Contains("secret-investigation", StringComparison.Ordinal));
        Assert.True(read.GetProperty("ms").GetDouble() >= 0);
        Assert.True(DateTimeOffset.TryParse(read.GetProperty("time").GetString(), out _));
        var refused = lines.Single(l => l.GetProperty("status").GetInt32() == 401);
        Assert.Equal(JsonValueKind.Null, refused.GetProperty("subject").ValueKind);
    }

    [Fact]
    public async Task Full_mode_keeps_the_query_string()
    {
        await using var server = await SightlineServer.StartAsync(loadDemo: false, settings: s => s with { Audit = new AuditSettings { Mode = AuditMode.Full } });
        using var client = server.Client();
        await client.GetJsonAsync(Graph.Root + "/articles?$top=3");

        var line = Assert.Single(ReadToday(server));
        Assert.Equal("$top=3", line.GetProperty("query").GetString());
    }

    [Fact]
    public async Task Off_writes_nothing()
    {
        await using var server = await SightlineServer.StartAsync(loadDemo: false, settings: s => s with { Audit = new AuditSettings { Mode = AuditMode.Off } });
        using var client = server.Client();
        await client.GetJsonAsync(Graph.Root + "/articles");

        Assert.False(Directory.Exists(Path.Combine(server.DataDir, AuditLog.FolderName)));
    }

    [Fact]
    public async Task Files_older_than_the_retention_are_deleted()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "sightline-tests", Guid.NewGuid().ToString("N"));
        var folder = Directory.CreateDirectory(Path.Combine(dataDir, AuditLog.FolderName)).FullName;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var old = Path.Combine(folder, AuditLog.FileName(today.AddDays(-7)));
        var kept = Path.Combine(folder, AuditLog.FileName(today.AddDays(-6)));
        var unrelated = Path.Combine(folder, "notes.txt");
        foreach (var file in new[] { old, kept, unrelated })
        {
            await File.WriteAllTextAsync(file, "{}\n");
        }

        await using var server = await SightlineServer.StartAsync(loadDemo: false, dataDir: dataDir,
            settings: s => s with { Audit = new AuditSettings { RetentionDays = 7 } });

        Assert.False(File.Exists(old));
        Assert.True(File.Exists(kept));
        Assert.True(File.Exists(unrelated));
    }

    private static List<JsonElement> ReadToday(SightlineServer server)
    {
        var path = Path.Combine(server.DataDir, AuditLog.FolderName, AuditLog.FileName(DateOnly.FromDateTime(DateTime.UtcNow)));
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
    }
}
