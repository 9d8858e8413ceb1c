using Sightline.Parsers.Har;

namespace Sightline.Parsers.Tests.Har;

public sealed class TrackersTests
{
    [Theory]
    [InlineData("ua_snippet", "ga('create', 'UA-48213577-2', 'auto');", "GoogleAnalyticsID", "UA-48213577-2")]
    [InlineData("ua_collect_url", "https://www.google-analytics.com/collect?v=1&tid=UA-48213577-2&t=pageview", "GoogleAnalyticsID", "UA-48213577-2")]
    [InlineData("ga4_config", "gtag('config', 'G-7X4QW2E9KD');", "GoogleAnalytics4ID", "G-7X4QW2E9KD")]
    [InlineData("ga4_gtag_url", "https://www.googletagmanager.com/gtag/js?id=G-Q1W2E3R4T5", "GoogleAnalytics4ID", "G-Q1W2E3R4T5")]
    [InlineData("gtm_noscript", "<iframe src=\"https://www.googletagmanager.com/ns.html?id=GTM-5XJ8K2M\"", "GoogleTagManagerId", "GTM-5XJ8K2M")]
    [InlineData("adsense", "<script async src=\"https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js?client=ca-pub-3940256099942544\"", "GoogleAdSenseId", "ca-pub-3940256099942544")]
    [InlineData("facebook_init", "fbq('init', '612398745123456');", "FacebookPixelId", "612398745123456")]
    [InlineData("facebook_noscript", "<img src=\"https://www.facebook.com/tr?ev=PageView&amp;id=612398745123456&noscript=1\"", "FacebookPixelId", "612398745123456")]
    [InlineData("yandex_ym", "ym(87654321, \"init\", {clickmap:true});", "YandexMetricaId", "87654321")]
    [InlineData("yandex_noscript", "<img src=\"https://mc.yandex.ru/watch/87654321\"", "YandexMetricaId", "87654321")]
    [InlineData("hotjar", "h._hjSettings={hjid:3141592,hjsv:6};", "HotjarId", "3141592")]
    [InlineData("new_relic", ";NREUM.loader_config={accountID:\"1234567\",licenseKey:\"NRJS-1a2b3c4d5e6f7a8b9c0\",applicationID:\"98765\"};", "NewRelicId", "NRJS-1a2b3c4d5e6f7a8b9c0")]
    [InlineData("clarity", "(function(c,l,a,r,i,t,y){})(window, document, \"clarity\", \"script\", \"k3j9x2m1qa\");", "MicrosoftClarityId", "k3j9x2m1qa")]
    [InlineData("baidu", "hm.src = \"https://hm.baidu.com/hm.js?0123456789abcdef0123456789abcdef\";", "BaiduAnalyticsId", "0123456789abcdef0123456789abcdef")]
    public void Finds_each_tracker_kind(string name, string text, string kind, string value)
    {
        Assert.Equal([(kind, value)], Trackers.Find(text));
        Assert.NotNull(name);
    }

    [Theory]
    [InlineData("word_with_g_prefix", "<p>Our G-SERIES boots and the G-ALPHABETA jacket</p>")]
    [InlineData("ga4_without_quote_or_equals", "model G-7X4QW2E9KD in stock")]
    [InlineData("ua_inside_longer_token", "SKU-UA-1234-5678-X")]
    [InlineData("short_gtm", "GTM-AB is a label")]
    public void Ignores_look_alike_text(string name, string text)
    {
        Assert.True(!Trackers.Find(text).Any(), name);
    }
}
