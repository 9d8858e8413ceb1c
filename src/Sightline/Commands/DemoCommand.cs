using System.CommandLine;
using Sightline.Data.Demo;

namespace Sightline.Commands;

/// <summary>
/// <c>demo --out DIR</c>: writes the demo dataset's input files (real public data and synthetic observations in the
/// standard formats) with an <c>import.sh</c> that imports them the way the server does on its first start.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Folder to write the demo's input files to.", Required = true };
        var command = new Command("demo", "Write the demo dataset's input files, in the formats the import command reads.") { output };
        command.SetAction(parse =>
        {
            var folder = Path.GetFullPath(parse.GetValue(output)!);
            var script = new List<string> { "#!/bin/sh", "# Imports the demo files in order, as the server does on its first start.", "set -e", "DATA=${1:-data}" };
            foreach (var file in DemoFiles.Build())
            {
                var path = Path.Combine(folder, file.Name);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, file.Content);
                if (file.Format == "whois")
                {
                    // A WHOIS response's collection time is its file's time, which the import command reads.
                    File.SetLastWriteTimeUtc(path, DateTime.Parse(file.Settings["seen"], System.Globalization.CultureInfo.InvariantCulture,
                        System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal));
                    path = Path.GetDirectoryName(path)!;
                    if (script[^1].EndsWith($"'{path}'", StringComparison.Ordinal))
                    {
                        continue;
                    }
                }
                var settings = string.Concat(file.Settings.Where(s => file.Format != "whois")
                    .Select(s => $" --set '{s.Key}={s.Value.Replace("'", "'\\''", StringComparison.Ordinal)}'"));
                script.Add($"dotnet run --project src/Sightline -- import --data-dir \"$DATA\" --format {file.Format}{settings} '{path}'");
            }
            File.WriteAllText(Path.Combine(folder, "import.sh"), string.Join('\n', script) + "\n");
            Console.WriteLine($"Wrote the demo's input files and import.sh to {folder}");
            return 0;
        });
        return command;
    }
}
