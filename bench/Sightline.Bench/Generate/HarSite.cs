using System.Globalization;

namespace Sightline.Bench.Generate;

/// <summary>
/// What a crawled site runs, fixed per site (so crawling it again repeats the same technologies and ids): web
/// server, language, CMS, jQuery version, and its analytics and tag ids. Values are a function of (seed, site).
/// </summary>
internal sealed record HarSite(
    string Domain, string Server, string? PoweredBy, string? Generator, string JQuery,
    string? Gtm, string? Ga4, string? Pixel, string? Hotjar, string? Clarity, bool RedirectsToWww, string SessionCookie)
{
    private static readonly string[] _servers = ["nginx/1.18.0 (Ubuntu)", "nginx/1.24.0", "nginx", "Apache/2.4.41 (Ubuntu)", "Apache/2.4.57 (Debian)", "cloudflare", "Microsoft-IIS/10.0"];
    private static readonly string[] _jquery = ["3.7.1", "3.6.0", "3.5.1", "2.2.4", "1.12.4"];
    private static readonly string[] _generators = ["WordPress 6.4.2", "WordPress 6.2.1", "WordPress 5.8.3", "Drupal 10", "Joomla! - Open Source Content Management"];

    public static HarSite For(NamePool pool, int site)
    {
        var h = pool.Hash("site", site);
        var r = new Random((int)(h & int.MaxValue));
        var server = r.Pick(_servers);
        var iis = server.StartsWith("Microsoft-IIS", StringComparison.Ordinal);
        var poweredBy = iis ? "ASP.NET" : r.Chance(0.5) ? r.Pick(["PHP/8.1.2-1ubuntu2.14", "PHP/7.4.33", "Express"]) : null;
        var generator = !iis && r.Chance(0.45) ? r.Pick(_generators) : null;
        return new HarSite(
            pool.Domain(site), server, poweredBy, generator, r.Pick(_jquery),
            Gtm: r.Chance(0.45) ? "GTM-" + Code(r, 7) : null,
            Ga4: r.Chance(0.5) ? "G-" + Code(r, 9) + r.Next(10).ToString(CultureInfo.InvariantCulture) : null,
            Pixel: r.Chance(0.25) ? r.NextInt64(100_000_000_000_000, 999_999_999_999_999).ToString(CultureInfo.InvariantCulture) : null,
            Hotjar: r.Chance(0.15) ? r.Next(1_000_000, 3_999_999).ToString(CultureInfo.InvariantCulture) : null,
            Clarity: r.Chance(0.15) ? Code(r, 10).ToLowerInvariant() : null,
            RedirectsToWww: r.Chance(0.6),
            SessionCookie: iis ? "ASP.NET_SessionId" : poweredBy?.StartsWith("PHP", StringComparison.Ordinal) == true ? "PHPSESSID" : "sid");
    }

    public string PageHost => RedirectsToWww ? "www." + Domain : Domain;

    /// <summary>The page's HTML: generator meta, the tag manager and gtag snippets, the pixel, a jQuery script tag.</summary>
    public string Html(string path)
    {
        var head = new System.Text.StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        head.Append(CultureInfo.InvariantCulture, $"<title>{Domain} {path}</title>");
        if (Generator is not null)
        {
            head.Append(CultureInfo.InvariantCulture, $"<meta name=\"generator\" content=\"{Generator}\">");
        }
        head.Append(CultureInfo.InvariantCulture, $"<link rel=\"stylesheet\" href=\"https://cdn.{Domain}/css/site.css\">");
        if (Gtm is not null)
        {
            head.Append("<!-- Google Tag Manager --><script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});")
                .Append("var f=d.getElementsByTagName(s)[0],j=d.createElement(s);j.async=true;j.src='https://www.googletagmanager.com/gtm.js?id='+i;f.parentNode.insertBefore(j,f);")
                .Append(CultureInfo.InvariantCulture, $"}})(window,document,'script','dataLayer','{Gtm}');</script><!-- End Google Tag Manager -->");
        }
        if (Ga4 is not null)
        {
            head.Append(CultureInfo.InvariantCulture, $"<script async src=\"https://www.googletagmanager.com/gtag/js?id={Ga4}\"></script>")
                .Append(CultureInfo.InvariantCulture, $"<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments);}}gtag('js',new Date());gtag('config','{Ga4}');</script>");
        }
        if (Pixel is not null)
        {
            head.Append(CultureInfo.InvariantCulture, $"<script>!function(f,b,e,v,n,t,s){{}}(window,document,'script');fbq('init', '{Pixel}');fbq('track','PageView');</script>");
        }
        head.Append(CultureInfo.InvariantCulture, $"<script src=\"https://code.jquery.com/jquery-{JQuery}.min.js\"></script></head>");
        return head.Append(CultureInfo.InvariantCulture, $"<body><h1>{Domain}</h1><p>Page {path}.</p></body></html>").ToString();
    }

    private static string Code(Random r, int length)
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
        return string.Create(length, r, (span, random) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[random.Next(alphabet.Length)];
            }
        });
    }
}
