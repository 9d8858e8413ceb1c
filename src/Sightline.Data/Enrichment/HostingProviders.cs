namespace Sightline.Data.Enrichment;

/// <summary>
/// Recognises hosting and cloud providers by a word in the AS organisation name. The data has no "is hosting" flag,
/// so this is a short list of the providers attackers rent from most, matched as whole words ("Amazon.com, Inc."
/// and "Amazon Data Services Ireland" but not "Amazonia Telecomunicações"); a few of their eyeball networks are
/// excluded. Vultr announces as "The Constant Company" (formerly Choopa).
/// </summary>
internal static class HostingProviders
{
    private static readonly string[] _keywords =
    [
        "amazon", "aws", "microsoft", "azure", "google", "digitalocean", "ovh", "hetzner", "linode", "akamai", "vultr", "choopa",
        "the constant company", "alibaba", "aliyun", "tencent", "oracle", "cloudflare", "fastly", "scaleway", "contabo",
        "leaseweb", "ionos", "hostinger", "m247", "datacamp", "hostwinds", "ovhcloud", "upcloud", "kamatera", "ibm cloud",
    ];

    private static readonly string[] _notHosting = ["google fiber"];

    /// <summary>The organisation itself when it names a known provider, else null.</summary>
    public static string? Match(string? organization) =>
        organization is not null && _keywords.Any(k => ContainsWord(organization, k)) && !_notHosting.Any(k => ContainsWord(organization, k))
            ? organization
            : null;

    private static bool ContainsWord(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + word.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return true;
            }
        }
        return false;
    }
}
