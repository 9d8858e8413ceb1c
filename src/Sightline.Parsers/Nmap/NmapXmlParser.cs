using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using Sightline.Parsers.Common;
using Sightline.Parsers.Recog;

namespace Sightline.Parsers.Nmap;

/// <summary>
/// Streams nmap's XML output (<c>-oX</c>) as one observation per scanned port. Position is the 1-based index of
/// the <c>&lt;host&gt;</c> element. The DTD nmap writes (<c>&lt;!DOCTYPE nmaprun&gt;</c>) is skipped and never
/// fetched, so entities from a hostile DOCTYPE are not expanded (the host using one is rejected as malformed).
/// </summary>
internal static partial class NmapXmlParser
{
    public static IEnumerable<Parsed<NmapPortObservation>> Parse(Stream xml, RecogMatcher? recog = null)
    {
        ArgumentNullException.ThrowIfNull(xml);
        // The stream goes to XmlReader itself so that the declared encoding is honoured.
        return ParseCore(settings => XmlReader.Create(xml, settings), recog ?? RecogMatcher.Default);
    }

    public static IEnumerable<Parsed<NmapPortObservation>> Parse(TextReader xml, RecogMatcher? recog = null)
    {
        ArgumentNullException.ThrowIfNull(xml);
        return ParseCore(settings => XmlReader.Create(xml, settings), recog ?? RecogMatcher.Default);
    }

    private static IEnumerable<Parsed<NmapPortObservation>> ParseCore(Func<XmlReaderSettings, XmlReader> open, RecogMatcher recog)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = false,
        };
        using var reader = open(settings);
        var run = new RunState();
        while (true)
        {
            var step = NextHost(reader, run);
            if (step.Error is not null)
            {
                yield return Parsed<NmapPortObservation>.Fail(run.HostIndex == 0 ? 1 : run.HostIndex, step.Error);
                yield break;
            }
            if (step.Host is null)
            {
                yield break;
            }
            foreach (var error in step.Host.Errors)
            {
                yield return Parsed<NmapPortObservation>.Fail(run.HostIndex, error);
            }
            if (step.Host.Address is null)
            {
                continue;
            }
            foreach (var port in step.Host.Ports)
            {
                yield return Parsed<NmapPortObservation>.Ok(run.HostIndex, Complete(port, step.Host, run.Start, recog));
            }
        }
    }

    private static (NmapHostBlock? Host, string? Error) NextHost(XmlReader reader, RunState run)
    {
        try
        {
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }
                if (reader.Name == "nmaprun")
                {
                    run.Start = NmapHostReader.RunStart(reader);
                }
                else if (reader.Name == "host" && reader.Depth == 1)
                {
                    run.HostIndex++;
                    return (NmapHostReader.Read(reader), null);
                }
            }
            return (null, null);
        }
        catch (XmlException ex)
        {
            return (null, string.Create(CultureInfo.InvariantCulture,
                $"malformed XML at line {Math.Max(1, ex.LineNumber)}, column {Math.Max(1, ex.LinePosition)}: {ex.Message}"));
        }
    }

    private static NmapPortObservation Complete(NmapPortObservation port, NmapHostBlock host, DateTimeOffset? runStart, RecogMatcher recog)
    {
        var start = host.Start ?? runStart;
        return port with
        {
            Host = host.Address!,
            Hostnames = host.Hostnames,
            ScannedName = host.ScannedName,
            ScanStart = start,
            ScanEnd = host.End ?? start,
            Identified = Identify(port, recog),
        };
    }

    private static RecogMatch? Identify(NmapPortObservation port, RecogMatcher recog)
    {
        foreach (var banner in port.Banners)
        {
            var service = banner.ScanProtocol is "http" or "https" ? "http" : port.ServiceName;
            if (recog.IdentifyBanner(service, Unescape(banner.Text)) is { } match)
            {
                return match;
            }
        }
        return null;
    }

    /// <summary>nmap prints unprintable bytes as <c>\xHH</c>; recog's patterns expect the bytes themselves.</summary>
    internal static string Unescape(string text) =>
        text.Contains("\\x", StringComparison.Ordinal)
            ? HexEscape().Replace(text, m => ((char)int.Parse(m.Groups[1].ValueSpan, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString())
            : text;

    [GeneratedRegex(@"\\x([0-9A-Fa-f]{2})")]
    private static partial Regex HexEscape();

    private sealed class RunState
    {
        public long HostIndex { get; set; }

        public DateTimeOffset? Start { get; set; }
    }
}
