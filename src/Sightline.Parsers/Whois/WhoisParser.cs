using System.Text.RegularExpressions;
using Sightline.Parsers.Common;

namespace Sightline.Parsers.Whois;

/// <summary>
/// Reads one raw WHOIS response (registry or registrar; ICANN "Key: value", indented blocks, RIPE-style handle
/// objects, JPRS "[Key]" lines, ...) into one <see cref="WhoisRecordData"/>. A response is small and its
/// meaning depends on later lines (handles, sections), so it is read whole; the result is always position 1.
/// </summary>
internal static partial class WhoisParser
{
    // A single response is a few KiB; anything far larger is not a WHOIS response.
    private const int MaxChars = 4 * 1024 * 1024;

    /// <param name="domainHint">The domain that was queried; used when the text does not name the domain.</param>
    public static IEnumerable<Parsed<WhoisRecordData>> Parse(TextReader reader, string? domainHint = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string text;
        try
        {
            text = ReadBounded(reader);
            if (text.Length > MaxChars)
            {
                return [Parsed<WhoisRecordData>.Fail(1, $"response larger than {MaxChars} characters")];
            }
        }
        catch (IOException e)
        {
            return [Parsed<WhoisRecordData>.Fail(1, $"unreadable input: {e.Message}")];
        }
        return [ParseText(text, domainHint)];
    }

    /// <summary>Reads at most one character past the limit, so a huge stream is never held whole.</summary>
    private static string ReadBounded(TextReader reader)
    {
        var text = new System.Text.StringBuilder();
        var buffer = new char[8192];
        int read;
        while (text.Length <= MaxChars && (read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            text.Append(buffer, 0, read);
        }
        return text.ToString();
    }

    /// <summary>
    /// The longest line, in UTF-8 bytes, a response may have. Real responses wrap well below it; a value longer than
    /// this could not be indexed (PostgreSQL's B-tree entries hold about 2.7 KB) and is not WHOIS.
    /// </summary>
    public const int MaxLineBytes = 2000;

    /// <summary>Text no store can keep as it is: a NUL character (PostgreSQL text refuses it) or a line past <see cref="MaxLineBytes"/>.</summary>
    private static Parsed<WhoisRecordData>? Unstorable(string text)
    {
        var number = 0;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            number++;
            if (line.Contains('\0'))
            {
                return Parsed<WhoisRecordData>.Fail(number, $"line {number} holds a NUL character: not WHOIS text (UTF-16 saved without a byte order mark?)");
            }
            if (line.Length > MaxLineBytes / 4 && System.Text.Encoding.UTF8.GetByteCount(line) > MaxLineBytes)
            {
                return Parsed<WhoisRecordData>.Fail(number, $"line {number} is longer than {MaxLineBytes} bytes: not a WHOIS response");
            }
        }
        return null;
    }

    public static Parsed<WhoisRecordData> ParseText(string text, string? domainHint = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Parsed<WhoisRecordData>.Fail(1, "empty response");
        }
        if (Unstorable(text) is { } refusal)
        {
            return refusal;
        }
        var lines = WhoisLineReader.Read(text);
        var reader = new WhoisInterpreter(WhoisHandles.Collect(lines));
        reader.Read(lines);
        if (!reader.HasRegistrationFacts && NotFoundRegex().IsMatch(text))
        {
            return Parsed<WhoisRecordData>.Fail(1, "not found: the response says the domain is not registered");
        }
        var domain = reader.Domain ?? (domainHint is null ? null : WhoisValues.DomainName(domainHint));
        if (domain is null)
        {
            return Parsed<WhoisRecordData>.Fail(1, "no domain name in the text");
        }
        var registrar = reader.Contact(WhoisRole.Registrar);
        return Parsed<WhoisRecordData>.Ok(1, new WhoisRecordData
        {
            Domain = domain,
            Registrar = registrar?.Build(WhoisRole.Registrar),
            RegistrarIanaId = registrar?.Get(WhoisField.IanaId),
            RegistrarUrl = registrar?.Get(WhoisField.Url),
            WhoisServer = reader.WhoisServer ?? registrar?.Get(WhoisField.WhoisServer),
            RegistrationDate = reader.Created,
            UpdatedDate = reader.Updated,
            ExpirationDate = reader.Expires,
            Statuses = [.. reader.Statuses],
            // .dk lists the domain itself under "DNS:"; a zone is not its own name server.
            NameServers = [.. reader.NameServers.Where(ns => !string.Equals(ns, domain, StringComparison.Ordinal))],
            Registrant = Build(reader, WhoisRole.Registrant),
            Admin = Build(reader, WhoisRole.Admin),
            Technical = Build(reader, WhoisRole.Technical),
            Billing = Build(reader, WhoisRole.Billing),
            Abuse = Build(reader, WhoisRole.Abuse),
            Zone = Build(reader, WhoisRole.Zone),
            Noc = Build(reader, WhoisRole.Noc),
            Dnssec = reader.Dnssec,
            RawText = text,
        });
    }

    private static WhoisContactData? Build(WhoisInterpreter reader, WhoisRole role) => reader.Contact(role)?.Build(role);

    [GeneratedRegex(@"\b(no match|not found|no entries found|no data found|no object found|object does not exist|domain not found|is available for registration|is free|status:\s*(free|available))\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex NotFoundRegex();
}
