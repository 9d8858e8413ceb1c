using System.Globalization;
using Sightline.Parsers.Whois;

namespace Sightline.Parsers.Tests.Whois;

public sealed class WhoisDatesTests
{
    public static TheoryData<string, string, string> Dates => new()
    {
        { "iso_utc", "2019-01-12T05:00:00Z", "2019-01-12T05:00:00Z" },
        { "iso_offset_without_colon", "2019-01-12T05:00:00-0700", "2019-01-12T12:00:00Z" },
        { "iso_fraction", "2017-12-16T03:58:55.24Z", "2017-12-16T03:58:55Z" },
        { "iso_stray_dash", "2001-06-14-T10:32:43Z", "2001-06-14T10:32:43Z" },
        { "day_month_name_year", "12-Jan-2019", "2019-01-12T00:00:00Z" },
        { "day_month_name_year_lower", "12-jan-2019", "2019-01-12T00:00:00Z" },
        { "dotted", "2019.01.12", "2019-01-12T00:00:00Z" },
        { "dotted_with_time", "2008.03.16 01:08:04", "2008-03-16T01:08:04Z" },
        { "compact", "20190112", "2019-01-12T00:00:00Z" },
        { "compact_with_serial", "19961206 #24302", "1996-12-06T00:00:00Z" },
        { "korean_spaced", "2012. 05. 19.", "2012-05-19T00:00:00Z" },
        { "jprs_zone_name", "2019/06/01 04:52:02 (JST)", "2019-05-31T19:52:02Z" },
        { "twnic_utc_plus_8", "2000-08-29 10:22:50 (UTC+8)", "2000-08-29T02:22:50Z" },
        { "format_hint_in_brackets", "2005-10-27 (YYYY-MM-DD)", "2005-10-27T00:00:00Z" },
        { "ua_short_offset", "2011-07-21 18:03:50+03", "2011-07-21T15:03:50Z" },
        { "spaced_offset", "2011-01-23 00:00:07 +02:00", "2011-01-22T22:00:07Z" },
        { "finnish_day_month", "30.6.2006 00:00:00", "2006-06-30T00:00:00Z" },
        { "long_month_name", "31 May 1999", "1999-05-31T00:00:00Z" },
        { "ctime", "Tue Feb 10 09:42:42 2004", "2004-02-10T09:42:42Z" },
        { "micro_fraction_no_zone", "2018-02-05 22:59:12.55172", "2018-02-05T22:59:12Z" },
        { "us_slashes", "12/18/2001", "2001-12-18T00:00:00Z" },
        { "kz_gmt_bracket", "1999-06-07 13:01:43 (GMT+0:00)", "1999-06-07T13:01:43Z" },
    };

    [Theory]
    [MemberData(nameof(Dates))]
    public void Parses_whois_date_spellings_to_utc(string name, string text, string expected)
    {
        var parsed = WhoisDates.Parse(text);
        Assert.True(parsed is not null, $"{name}: '{text}' was not parsed");
        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), parsed.Value);
        Assert.Equal(TimeSpan.Zero, parsed.Value.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("before 1 January 1996")]
    [InlineData("Not Disclosed")]
    [InlineData("2019-13-45")]
    public void Returns_null_for_text_that_is_no_date(string text) => Assert.Null(WhoisDates.Parse(text));
}
