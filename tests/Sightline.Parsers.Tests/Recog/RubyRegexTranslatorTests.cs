using System.Text.RegularExpressions;
using Sightline.Parsers.Recog;

namespace Sightline.Parsers.Tests.Recog;

public sealed class RubyRegexTranslatorTests
{
    [Theory]
    [InlineData("ruby m option is dotall", "(?m)a.b", "(?s)a.b")]
    [InlineData("scoped im option", "(?im:x.y)", "(?is:x.y)")]
    [InlineData("hex class", @"^\h+$", "^[0-9a-fA-F]+$")]
    [InlineData("hex inside class", @"[\h:]+", "[0-9a-fA-F:]+")]
    [InlineData("ascii digits", @"v(\d+)", "v([0-9]+)")]
    [InlineData("posix class", "[[:alpha:][:digit:]_]", "[a-zA-Z0-9_]")]
    [InlineData("possessive star", "a*+b", "(?>a*)b")]
    [InlineData("possessive on group", "(ab)++c", "(?>(ab)+)c")]
    [InlineData("escaped star then plus is not possessive", @"\*+x", @"\*+x")]
    [InlineData("open lower bound", "a{,3}", "a{0,3}")]
    [InlineData("literal brace", "a{b}", "a{b}")]
    [InlineData("unknown escaped letter is literal", @"foo\_bar\y", "foo_bary")]
    [InlineData("one digit hex escape", @"\x4 \x04", @"\x04 \x04")]
    [InlineData("anchors kept", @"\Afoo\Z", @"\Afoo\Z")]
    [InlineData("non-capturing group kept", "(?:a|b)", "(?:a|b)")]
    public void Translates_ruby_constructs(string name, string ruby, string dotnet)
    {
        Assert.True(name.Length > 0);
        Assert.Equal(dotnet, RubyRegexTranslator.TranslatePattern(ruby));
    }

    [Theory]
    [InlineData(null, RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    [InlineData("REG_ICASE", RegexOptions.Multiline | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    [InlineData("REG_DOT_NEWLINE,REG_ICASE", RegexOptions.Multiline | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    [InlineData("REG_MULTILINE", RegexOptions.Multiline | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    public void Maps_recog_flags_to_dotnet_options(string? flags, RegexOptions expected) =>
        Assert.Equal(expected, RubyRegexTranslator.TranslateFlags(flags));

    [Fact]
    public void Rejects_an_unknown_flag() =>
        Assert.Throws<ArgumentException>(() => RubyRegexTranslator.TranslateFlags("REG_EXTENDED"));

    [Theory]
    [InlineData("caret anchors each line as in ruby", "^OpenSSH_(\\S+)$", null, "banner\nOpenSSH_8.2\nmore", "8.2")]
    [InlineData("ruby m lets dot cross lines", "(?m)start(.*)end", null, "start\nmid\nend", "\nmid\n")]
    [InlineData("dot newline flag lets dot cross lines", "a(.+)c", "REG_DOT_NEWLINE", "a\nb\nc", "\nb\n")]
    public void Translated_patterns_match_as_ruby_does(string name, string ruby, string? flags, string input, string group1)
    {
        Assert.True(name.Length > 0);
        var regex = new Regex(RubyRegexTranslator.TranslatePattern(ruby), RubyRegexTranslator.TranslateFlags(flags));
        var match = regex.Match(input);
        Assert.True(match.Success);
        Assert.Equal(group1, match.Groups[1].Value);
    }

    [Fact]
    public void Ascii_digit_class_ignores_other_scripts_digits()
    {
        var regex = new Regex(RubyRegexTranslator.TranslatePattern(@"^\d+$"), RubyRegexTranslator.TranslateFlags(null));
        Assert.Matches(regex, "2024");
        Assert.DoesNotMatch(regex, "\u0662\u0660");
    }
}
