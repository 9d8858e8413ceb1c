using System.Text;
using System.Text.Json.Nodes;

namespace Sightline.Tests.Fuzz;

/// <summary>One mutated input and the name of the mutation that made it (for the failure message).</summary>
public sealed record MutatedInput(string Mutation, byte[] Content);

/// <summary>
/// Mutates a valid input file by seed: generic byte and line edits for every format, and per kind the tricks that
/// target its parser (JSON type swaps and deep nesting, XML entities and DOCTYPEs, PEM bodies and labels, WHOIS
/// extremes).
/// </summary>
public static class InputMutator
{
    public enum Kind { JsonLines, Json, Xml, Pem, Text }

    public static MutatedInput Mutate(Random rng, Kind kind, string seed)
    {
        var specific = kind switch
        {
            Kind.JsonLines or Kind.Json => JsonMutation(rng, kind, seed),
            Kind.Xml => XmlMutation(rng, seed),
            Kind.Pem => PemMutation(rng, seed),
            _ => TextMutation(rng, seed),
        };
        return rng.Next(5) < 2 ? specific : Generic(rng, seed);
    }

    private static MutatedInput Generic(Random rng, string seed)
    {
        var bytes = Encoding.UTF8.GetBytes(seed);
        var lines = seed.Split('\n').ToList();
        switch (rng.Next(10))
        {
            case 0:
                for (var n = rng.Next(1, 12); n > 0; n--)
                {
                    bytes[rng.Next(bytes.Length)] ^= (byte)(1 << rng.Next(8));
                }
                return new("byte flips", bytes);
            case 1:
                return new("truncated", bytes[..rng.Next(bytes.Length)]);
            case 2:
                var line = rng.Next(lines.Count);
                lines.Insert(line, lines[line]);
                return Text("duplicated line", lines);
            case 3:
                lines.RemoveAt(rng.Next(lines.Count));
                return Text("removed line", lines);
            case 4:
                var (a, b) = (rng.Next(lines.Count), rng.Next(lines.Count));
                (lines[a], lines[b]) = (lines[b], lines[a]);
                return Text("swapped lines", lines);
            case 5:
                return new("NUL and garbage", Insert(rng, bytes, [0, 0, (byte)'{', 0x1b, (byte)'<', 0xff, (byte)'\'', (byte)'"', 0]));
            case 6:
                return new("invalid UTF-8", Insert(rng, bytes, ApiFuzzCases.Pick(rng, [new byte[] { 0xC3, 0x28 }, [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xFF, 0xFE], [0xF4, 0x90, 0x80, 0x80], [0x80]])));
            case 7:
                return new("BOM and encodings", rng.Next(2) == 0 ? [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, .. bytes] : Encoding.Unicode.GetBytes(seed));
            case 8:
                return new("empty", rng.Next(2) == 0 ? [] : "\n\n \r\n"u8.ToArray());
            default:
                var digits = seed.IndexOfAny("0123456789".ToCharArray(), rng.Next(seed.Length));
                return digits < 0 ? new("unchanged", bytes)
                    : new("huge number", Encoding.UTF8.GetBytes(seed.Insert(digits, ApiFuzzCases.Pick(rng, ["99999999999999999999999999", "-", "1e400", "0.", "NaN", "-0"]))));
        }
    }

    private static MutatedInput JsonMutation(Random rng, Kind kind, string seed)
    {
        var lines = kind == Kind.JsonLines ? seed.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList() : [seed];
        var at = rng.Next(lines.Count);
        var node = JsonNode.Parse(lines[at])!;
        var values = Walk(node).Where(v => v.Parent is not null).ToList();
        var target = values[rng.Next(values.Count)];
        // The replacement goes in as raw JSON text, so it can be what JsonNode would refuse to hold (nesting past 64, 1e400).
        var (mutation, replacement) = rng.Next(6) switch
        {
            0 => ("type swap", ApiFuzzCases.Pick(rng, ["42", "\"text\"", "[]", "{}", "null", "true", "-1.5"])),
            1 => ("deep nesting", new string('[', Pick(rng, [65, 1000, 20_000])) + "1" + new string(']', rng.Next(2) == 0 ? 0 : 20_000)),
            2 => ("bad date", "\"" + ApiFuzzCases.Pick(rng, ["2025-13-45T99:99:99Z", "0000-00-00", "yesterday", "9999-12-31T23:59:59+99:00", "-62135596800", "", "2025-02-30"]) + "\""),
            3 => ("huge number", ApiFuzzCases.Pick(rng, ["1e400", "-1e400", "99999999999999999999999999999", "9223372036854775808", "-9223372036854775809", "0.000000000000000000000000001"])),
            4 => ("hostile string", "\"" + ApiFuzzCases.Pick(rng, [new string('x', 100_000), "\\u0000", "a\\u0000b", "\\ud800", "' OR 1=1 --", "\u202e\ufeff", "../../etc/passwd"]) + "\""),
            _ => ("removed member", ""),
        };
        const string Placeholder = "\u0001fuzz-placeholder\u0001";
        var path = target.GetPath();
        if (replacement.Length == 0 && target.Parent is JsonObject owner)
        {
            owner.Remove(target.GetPropertyName());
        }
        else
        {
            target.ReplaceWith(JsonValue.Create(Placeholder));
        }
        lines[at] = node.ToJsonString().Replace(System.Text.Json.JsonSerializer.Serialize(Placeholder), replacement.Length == 0 ? "null" : replacement, StringComparison.Ordinal);
        return Text("JSON " + mutation + " at " + path, lines);
    }

    private static int Pick(Random rng, int[] items) => items[rng.Next(items.Length)];

    private static IEnumerable<JsonNode> Walk(JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            foreach (var inner in Walk(child))
            {
                yield return inner;
            }
        }
    }

    private static MutatedInput XmlMutation(Random rng, string seed)
    {
        var body = seed[(seed.IndexOf("<nmaprun", StringComparison.Ordinal))..];
        const string Header = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
        return rng.Next(7) switch
        {
            0 => new("billion laughs", Encoding.UTF8.GetBytes(Header + "<!DOCTYPE nmaprun [<!ENTITY a \"aaaaaaaaaa\">" +
                string.Concat(Enumerable.Range(1, 9).Select(i => $"<!ENTITY {(char)('a' + i)} \"{string.Concat(Enumerable.Repeat($"&{(char)('a' + i - 1)};", 10))}\">")) +
                "]>\n" + body.Replace("reason=\"syn-ack\"", "reason=\"&j;\"", StringComparison.Ordinal))),
            1 => new("external entity", Encoding.UTF8.GetBytes(Header + "<!DOCTYPE nmaprun [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n" +
                body.Replace("product=\"nginx\"", "product=\"&x;\"", StringComparison.Ordinal))),
            2 => new("parameter entity", Encoding.UTF8.GetBytes(Header + "<!DOCTYPE nmaprun [<!ENTITY % p SYSTEM \"http://127.0.0.1:1/evil.dtd\"> %p;]>\n" + body)),
            3 => new("undeclared entity", Encoding.UTF8.GetBytes(seed.Replace("conf=\"10\"", "conf=\"&undeclared;\"", StringComparison.Ordinal))),
            4 => new("bad attribute values", Encoding.UTF8.GetBytes(seed
                .Replace("portid=\"22\"", "portid=\"" + ApiFuzzCases.Pick(rng, ["-1", "99999", "x", "", "2147483648"]) + "\"", StringComparison.Ordinal)
                .Replace("starttime=\"", "starttime=\"" + ApiFuzzCases.Pick(rng, ["99999999999999999", "-", "x", "1e9"]), StringComparison.Ordinal)
                .Replace("addr=\"198.51.100.7\"", "addr=\"" + ApiFuzzCases.Pick(rng, ["", "::g", "1.2.3.4.5", "x\u0001y"]) + "\"", StringComparison.Ordinal))),
            5 => new("removed closing tags", Encoding.UTF8.GetBytes(seed.Replace(ApiFuzzCases.Pick(rng, ["</port>", "</host>", "</ports>", "</nmaprun>", "/>"]), "", StringComparison.Ordinal))),
            _ => new("nested elements", Encoding.UTF8.GetBytes(seed.Replace("<ports>", "<ports>" + string.Concat(Enumerable.Repeat("<port>", Pick(rng, [50, 5000]))), StringComparison.Ordinal))),
        };
    }

    private static MutatedInput PemMutation(Random rng, string seed)
    {
        var lines = seed.Split('\n').ToList();
        var body = lines.Select((l, i) => (l, i)).Where(x => x.l.Length > 0 && !x.l.StartsWith("-----", StringComparison.Ordinal)).Select(x => x.i).ToList();
        switch (rng.Next(6))
        {
            case 0:
                var at = body[rng.Next(body.Count)];
                lines[at] = lines[at].Insert(rng.Next(lines[at].Length), ApiFuzzCases.Pick(rng, ["!", "=", "==", "*", " ", "\u00e9", "-----"]));
                return Text("bad base64", lines);
            case 1:
                var label = ApiFuzzCases.Pick(rng, ["PRIVATE KEY", "CERTIFICATE REQUEST", "X509 CRL", "CERTIFICATE", "", "CERTIFICATE-----"]);
                var which = rng.Next(2) == 0 ? "-----BEGIN CERTIFICATE-----" : "-----END CERTIFICATE-----";
                var index = lines.FindIndex(l => l == which);
                lines[index] = which.Replace("CERTIFICATE", label, StringComparison.Ordinal);
                return Text("wrong label", lines);
            case 2:
                lines.RemoveAll(l => l == "-----END CERTIFICATE-----" && rng.Next(2) == 0);
                return Text("missing END", lines);
            case 3:
                var random = new byte[rng.Next(1, 3000)];
                rng.NextBytes(random);
                return Text("random DER", ["-----BEGIN CERTIFICATE-----", Convert.ToBase64String(random, Base64FormattingOptions.InsertLineBreaks), "-----END CERTIFICATE-----"]);
            case 4:
                var der = Convert.FromBase64String(string.Concat(lines.SkipWhile(l => l != "-----BEGIN CERTIFICATE-----").Skip(1).TakeWhile(l => l != "-----END CERTIFICATE-----")));
                der[rng.Next(der.Length)] = (byte)rng.Next(256);
                var cut = rng.Next(2) == 0 ? der : der[..rng.Next(der.Length)];
                return Text("altered DER", ["-----BEGIN CERTIFICATE-----", Convert.ToBase64String(cut, Base64FormattingOptions.InsertLineBreaks), "-----END CERTIFICATE-----"]);
            default:
                return Text("huge block", ["-----BEGIN CERTIFICATE-----", string.Concat(Enumerable.Repeat("QUFB", 500_000)), "-----END CERTIFICATE-----"]);
        }
    }

    private static MutatedInput TextMutation(Random rng, string seed)
    {
        var lines = seed.Split('\n').ToList();
        var at = rng.Next(lines.Count);
        switch (rng.Next(5))
        {
            case 0:
                lines[at] += new string('x', Pick(rng, [10_000, 300_000]));
                return Text("extreme line", lines);
            case 1:
                lines.InsertRange(at, Enumerable.Repeat("Name Server: ns.example.com", Pick(rng, [1000, 10_000])));
                return Text("extreme line count", lines);
            case 2:
                lines[at] = ApiFuzzCases.Pick(rng, ["Domain Name: ", "Domain Name: \u0000", "Domain Name: " + new string('a', 300) + ".com", "Domain Name: xn--.com", "Domain Name: ..",
                    "Creation Date: 2025-13-45T99:99:99Z", "Registry Expiry Date: 99999-01-01", "Updated Date: yesterday", ":", "::::", "Registrar: \u202e"]);
                return Text("hostile field", lines);
            case 3:
                return Text("no domain", lines.Where(l => !l.Contains("Domain Name", StringComparison.OrdinalIgnoreCase)));
            default:
                return Text("one huge value", ["Domain Name: google.com", "Registrant Organization: " + new string('o', 300_000)]);
        }
    }

    private static MutatedInput Text(string mutation, IEnumerable<string> lines) => new(mutation, Encoding.UTF8.GetBytes(string.Join('\n', lines)));

    private static byte[] Insert(Random rng, byte[] bytes, byte[] inserted)
    {
        var at = rng.Next(bytes.Length + 1);
        return [.. bytes[..at], .. inserted, .. bytes[at..]];
    }
}
