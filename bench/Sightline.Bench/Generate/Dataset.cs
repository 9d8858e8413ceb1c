using System.Diagnostics;
using System.Globalization;

namespace Sightline.Bench.Generate;

/// <summary>How much of each format to generate, and the seed that fixes its content.</summary>
internal sealed record DatasetOptions(int Seed, long CofRecords, int WhoisFiles, int CertificateSightings, int HarPages, int NmapHosts);

/// <summary>One run of the import command: a format, its inputs, and its <c>--set</c> settings.</summary>
internal sealed record ImportStep(string Format, IReadOnlyList<string> Paths, IReadOnlyList<string> Settings);

/// <summary>What was generated for one import format and how to import it.</summary>
internal sealed record GeneratedFormat(string Format, string Input, IReadOnlyList<ImportStep> Steps, long Bytes, int Files, TimeSpan Generated);

/// <summary>Writes the standard-format inputs, each format into its own folder under one root.</summary>
internal static class Dataset
{
    /// <summary>The import formats the generator writes, in the order they are benchmarked.</summary>
    public static readonly string[] Formats = ["cof", "whois", "x509", "certsightings", "har", "nmap"];

    /// <summary>Generates the formats asked for (x509 and certsightings share their certificates, so they are made together).</summary>
    public static async Task<List<GeneratedFormat>> GenerateAsync(string root, IReadOnlyCollection<string> formats, DatasetOptions options, CancellationToken cancellationToken)
    {
        var pool = new NamePool(options.Seed);
        var result = new List<GeneratedFormat>();
        foreach (var format in Formats.Where(formats.Contains))
        {
            if (format == "certsightings" && result.Any(r => r.Format == "x509"))
            {
                continue;
            }
            var clock = Stopwatch.StartNew();
            var folder = Path.Combine(root, format is "x509" or "certsightings" ? "certificates" : format);
            Directory.CreateDirectory(folder);
            var made = await GenerateOneAsync(format, folder, formats, options, pool, cancellationToken);
            result.AddRange(made.Select(m => m with { Generated = clock.Elapsed }));
        }
        return result;
    }

    private static async Task<IEnumerable<GeneratedFormat>> GenerateOneAsync(string format, string folder, IReadOnlyCollection<string> formats, DatasetOptions o, NamePool pool, CancellationToken cancellationToken)
    {
        switch (format)
        {
            case "cof":
                var file = Path.Combine(folder, "pdns.cof");
                await CofWriter.WriteAsync(file, o.CofRecords, pool, o.Seed, cancellationToken);
                return [Made(format, I($"{o.CofRecords:N0} records in 1 file"), [new(format, [file], [])], folder)];
            case "whois":
                var rounds = await WhoisWriter.WriteAsync(folder, o.WhoisFiles, pool, cancellationToken);
                var domains = o.WhoisFiles / WhoisWriter.Rounds.Length;
                return [Made(format, I($"{domains * rounds.Count:N0} responses for {domains:N0} domains, {rounds.Count} rounds (one import each)"),
                    [.. rounds.Select(r => new ImportStep(format, [r.Folder], [I($"seen={r.Seen:yyyy-MM-dd}T00:00:00Z")]))], folder)];
            case "x509" or "certsightings":
                var certificates = await CertificateWriter.WriteAsync(folder, o.CertificateSightings, pool, o.Seed, cancellationToken);
                var bundles = Path.Combine(folder, "certs");
                var made = new List<GeneratedFormat>();
                if (formats.Contains("x509"))
                {
                    made.Add(Made("x509", I($"{certificates:N0} certificates in {Directory.GetFiles(bundles).Length} PEM bundles"), [new("x509", [bundles], [])], bundles));
                }
                if (formats.Contains("certsightings"))
                {
                    var sightings = Path.Combine(folder, "sightings.jsonl");
                    made.Add(Made("certsightings", I($"{o.CertificateSightings:N0} sightings of {certificates:N0} certificates in 1 file"), [new("certsightings", [sightings], [])], sightings));
                }
                return made;
            case "har":
                var entries = await HarWriter.WriteAsync(folder, o.HarPages, pool, o.Seed, cancellationToken);
                return [Made(format, I($"{o.HarPages:N0} pages, {entries:N0} entries in {Directory.GetFiles(folder).Length} files"), [new(format, [folder], [])], folder)];
            case "nmap":
                var ports = NmapWriter.Write(folder, o.NmapHosts, pool, o.Seed, cancellationToken);
                return [Made(format, I($"{o.NmapHosts:N0} hosts, {ports:N0} ports in {Directory.GetFiles(folder).Length} scans"), [new(format, [folder], [])], folder)];
            default:
                throw new ArgumentException($"unknown format '{format}' (known: {string.Join(", ", Formats)})");
        }
    }

    private static GeneratedFormat Made(string format, string input, IReadOnlyList<ImportStep> steps, string path)
    {
        var files = File.Exists(path) ? [path] : Directory.GetFiles(path, "*", SearchOption.AllDirectories);
        return new GeneratedFormat(format, input, steps, files.Sum(f => new FileInfo(f).Length), files.Length, TimeSpan.Zero);
    }

    private static string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
