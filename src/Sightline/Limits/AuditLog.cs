using System.Globalization;
using System.Text.Json;

namespace Sightline.Limits;

/// <summary>
/// Appends one JSON line per request to <c>audit/audit-yyyy-MM-dd.jsonl</c> (UTC days) in the data folder and
/// deletes the files that have outlived the retention. Lines are flushed to the operating system as written.
/// </summary>
public sealed class AuditLog : IDisposable
{
    public const string FolderName = "audit";

    private readonly Lock _lock = new();
    private readonly AuditSettings _settings;
    private readonly string _folder;
    private readonly TimeProvider _time;
    private DateOnly _day;
    private FileStream? _file;

    public AuditLog(AuditSettings settings, string dataDir, TimeProvider time)
    {
        _settings = settings;
        _folder = Path.Combine(dataDir, FolderName);
        _time = time;
        Directory.CreateDirectory(_folder);
        DeleteExpired(Today());
    }

    public static string FileName(DateOnly day) => $"audit-{day:yyyy-MM-dd}.jsonl";

    public void Write(Action<Utf8JsonWriter> entry)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            entry(json);
        }
        buffer.WriteByte((byte)'\n');
        lock (_lock)
        {
            var today = Today();
            if (_file is null || today != _day)
            {
                _file?.Dispose();
                _day = today;
                DeleteExpired(today);
                _file = new FileStream(Path.Combine(_folder, FileName(today)), FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
            }
            buffer.WriteTo(_file);
            _file.Flush();
        }
    }

    private DateOnly Today() => DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);

    private void DeleteExpired(DateOnly today)
    {
        if (_settings.RetentionDays <= 0)
        {
            return;
        }
        var oldest = today.AddDays(-_settings.RetentionDays + 1);
        foreach (var path in Directory.EnumerateFiles(_folder, "audit-*.jsonl"))
        {
            var stamp = Path.GetFileNameWithoutExtension(path)["audit-".Length..];
            if (DateOnly.TryParseExact(stamp, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day < oldest)
            {
                File.Delete(path);
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _file?.Dispose();
            _file = null;
        }
    }
}
