namespace Sightline.Parsers.Har;

/// <summary>The cookies a response sets: <c>response.cookies</c> and every <c>Set-Cookie</c> header.</summary>
internal static class SetCookies
{
    /// <summary>
    /// Each cookie once (by name and domain), its Domain normalised (no leading dot, lower-case) or, when it
    /// has none or an unusable one, <paramref name="host"/>.
    /// </summary>
    public static List<HarCookie> From(HarEntry entry, string host)
    {
        var seen = new HashSet<(string, string)>();
        var result = new List<HarCookie>();
        void Add(HarCookie cookie)
        {
            var normalized = cookie with { Domain = HostName.Normalize(cookie.Domain) ?? host };
            if (seen.Add((normalized.Name, normalized.Domain)))
            {
                result.Add(normalized);
            }
        }
        foreach (var cookie in entry.ResponseCookies)
        {
            Add(cookie);
        }
        foreach (var (headerName, value) in entry.ResponseHeaders)
        {
            if (!string.Equals(headerName, "set-cookie", StringComparison.Ordinal))
            {
                continue;
            }
            // Chrome folds several Set-Cookie headers into one value separated by newlines.
            foreach (var line in value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (Parse(line) is { } cookie)
                {
                    Add(cookie);
                }
            }
        }
        return result;
    }

    private static HarCookie? Parse(string line)
    {
        var parts = line.Split(';', StringSplitOptions.TrimEntries);
        var equals = parts[0].IndexOf('=', StringComparison.Ordinal);
        // A Set-Cookie without '=' is a value with an empty name (RFC 6265 5.2): nothing to key on.
        var name = equals > 0 ? parts[0][..equals].Trim() : "";
        if (name.Length == 0)
        {
            return null;
        }
        string? domain = null;
        foreach (var attribute in parts.Skip(1))
        {
            var eq = attribute.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && attribute[..eq].Trim().Equals("domain", StringComparison.OrdinalIgnoreCase))
            {
                domain = attribute[(eq + 1)..].Trim();
            }
        }
        return new HarCookie(name, parts[0][(equals + 1)..].Trim(), domain);
    }
}
