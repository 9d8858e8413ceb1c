using Sightline.Parsers.Dns;

namespace Sightline.Parsers.Tests.Dns;

public sealed class HostNamesTests
{
    [Theory]
    [InlineData("Example.COM", "example.com")]
    [InlineData("example.com.", "example.com")]
    [InlineData("  www.example.com  ", "www.example.com")]
    [InlineData("_sip._tcp.example.com", "_sip._tcp.example.com")]
    [InlineData("xn--85x722f.com.cn", "xn--85x722f.com.cn")]
    [InlineData("食狮.公司.cn", "xn--85x722f.xn--55qx5d.cn")]
    [InlineData("Bücher.DE", "xn--bcher-kva.de")]
    [InlineData("ｅｘａｍｐｌｅ。com", "example.com")]
    [InlineData("localhost", "localhost")]
    [InlineData("a-b.c-d.example", "a-b.c-d.example")]
    [InlineData("123.example.com", "123.example.com")]
    public void Normalises_host_names(string input, string expected)
    {
        Assert.Equal(expected, HostNames.Normalize(input, out var isIp));
        Assert.False(isIp);
    }

    [Theory]
    [InlineData("8.8.8.8", "8.8.8.8")]
    [InlineData("0.0.0.0", "0.0.0.0")]
    [InlineData("255.255.255.255.", "255.255.255.255")]
    [InlineData("2001:DB8:0:0:0:0:0:1", "2001:db8::1")]
    [InlineData("[::1]", "::1")]
    [InlineData("[2001:db8::A]", "2001:db8::a")]
    [InlineData("::ffff:192.0.2.1", "::ffff:192.0.2.1")]
    public void Normalises_ip_addresses_and_flags_them(string input, string expected)
    {
        Assert.Equal(expected, HostNames.Normalize(input, out var isIp));
        Assert.True(isIp);
    }

    [Theory]
    [InlineData(null, "null")]
    [InlineData("", "empty")]
    [InlineData(".", "only a dot")]
    [InlineData(".example.com", "empty first label")]
    [InlineData("a..example.com", "empty middle label")]
    [InlineData("example.com..", "two trailing dots")]
    [InlineData("-example.com", "label starting with a hyphen")]
    [InlineData("example-.com", "label ending with a hyphen")]
    [InlineData("exa mple.com", "space")]
    [InlineData("exa*mple.com", "asterisk")]
    [InlineData("*.example.com", "wildcard label")]
    [InlineData("user@example.com", "at sign")]
    [InlineData("example.com:443", "port")]
    [InlineData("example.123", "numeric top-level label")]
    [InlineData("1.2.3", "three octets")]
    [InlineData("1", "short IPv4 form")]
    [InlineData("256.1.1.1", "octet over 255")]
    [InlineData("010.1.1.1", "octal-looking octet")]
    [InlineData("1.2.3.4.5", "five octets")]
    [InlineData("[1.2.3.4]", "bracketed IPv4")]
    [InlineData("[::1", "unclosed bracket")]
    [InlineData("fe80::1%eth0", "IPv6 zone")]
    [InlineData("2001:db8::g", "bad IPv6 digit")]
    [InlineData("12:30:45", "time of day")]
    public void Rejects_invalid_names(string? input, string why)
    {
        Assert.True(HostNames.Normalize(input, out var isIp) is null, why);
        Assert.False(isIp, why);
    }

    [Fact]
    public void Rejects_a_label_longer_than_63_characters()
    {
        Assert.NotNull(HostNames.Normalize(new string('a', 63) + ".com"));
        Assert.Null(HostNames.Normalize(new string('a', 64) + ".com"));
    }

    [Fact]
    public void Rejects_a_name_longer_than_253_characters()
    {
        var label = new string('a', 62);
        var name253 = $"{label}.{label}.{label}.{label}.b"; // 4 * 63 + 1
        Assert.Equal(253, name253.Length);
        Assert.Equal(name253, HostNames.Normalize(name253 + "."));
        Assert.Null(HostNames.Normalize("c" + name253));
    }

    [Fact]
    public void Returns_the_same_instance_for_an_already_normal_name()
    {
        var name = "www.example.com";
        Assert.Same(name, HostNames.Normalize(name));
    }
}
