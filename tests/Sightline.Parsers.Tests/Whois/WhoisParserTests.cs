using Sightline.Parsers.Common;
using Sightline.Parsers.Whois;

namespace Sightline.Parsers.Tests.Whois;

public sealed class WhoisParserTests
{
    private const string Icann = """
        Domain Name: EXAMPLE.COM
        Registry Domain ID: 2336799_DOMAIN_COM-VRSN
        Registrar WHOIS Server: whois.example-registrar.com
        Registrar URL: http://www.example-registrar.com
        Updated Date: 2019-09-09T08:39:04-0700
        Creation Date: 1997-09-15T04:00:00Z
        Registry Expiry Date: 2028-09-14T04:00:00Z
        Registrar: Example Registrar, Inc.
        Registrar IANA ID: 292
        Registrar Abuse Contact Email: abuse@example-registrar.com
        Registrar Abuse Contact Phone: +1.2083895740
        Domain Status: clientDeleteProhibited https://icann.org/epp#clientDeleteProhibited
        Domain Status: clientTransferProhibited (https://www.icann.org/epp#clientTransferProhibited)
        Registry Registrant ID:
        Registrant Name: REDACTED FOR PRIVACY
        Registrant Organization: Example Org
        Registrant Country: US
        Registrant Phone Ext:
        Admin Email: admin@example.com
        Tech Organization: Example Tech
        Name Server: NS1.EXAMPLE.NET.
        Name Server: ns2.example.net
        Name Server: ns1.example.net
        DNSSEC: unsigned
        >>> Last update of WHOIS database: 2019-09-30T07:22:02Z <<<
        """;

    [Fact]
    public void Reads_icann_key_value_response()
    {
        var record = ParseOk(Icann);
        Assert.Equal("example.com", record.Domain);
        Assert.Equal("Example Registrar, Inc.", record.Registrar?.Name);
        Assert.Equal("292", record.RegistrarIanaId);
        Assert.Equal("http://www.example-registrar.com", record.RegistrarUrl);
        Assert.Equal("whois.example-registrar.com", record.WhoisServer);
        Assert.Equal(new DateTimeOffset(1997, 9, 15, 4, 0, 0, TimeSpan.Zero), record.RegistrationDate);
        Assert.Equal(new DateTimeOffset(2019, 9, 9, 15, 39, 4, TimeSpan.Zero), record.UpdatedDate);
        Assert.Equal(new DateTimeOffset(2028, 9, 14, 4, 0, 0, TimeSpan.Zero), record.ExpirationDate);
        Assert.Equal(["clientDeleteProhibited", "clientTransferProhibited"], record.Statuses);
        Assert.Equal(["ns1.example.net", "ns2.example.net"], record.NameServers);
        Assert.Equal("Example Org", record.Registrant?.Organization);
        Assert.Equal("US", record.Registrant?.CountryOrRegion);
        Assert.Equal("admin@example.com", record.Admin?.Email);
        Assert.Equal("Example Tech", record.Technical?.Organization);
        Assert.Equal("abuse@example-registrar.com", record.Abuse?.Email);
        Assert.Equal("+1.2083895740", record.Abuse?.Telephone);
        Assert.Equal("unsigned", record.Dnssec);
        Assert.Null(record.Billing);
        Assert.Equal(Icann, record.RawText);
    }

    public static TheoryData<string, string, string> StatusValues => new()
    {
        { "epp_with_url", "clientTransferProhibited https://icann.org/epp#clientTransferProhibited", "clientTransferProhibited" },
        { "epp_with_bracketed_url", "ok (https://www.icann.org/epp#ok)", "ok" },
        { "explanation_in_brackets", "ok (paid and in zone)", "ok" },
        { "explanation_after_dash", "ok - Normal state.", "ok" },
        { "comma_list", "REGISTERED, DELEGATED, VERIFIED", "REGISTERED|DELEGATED|VERIFIED" },
        { "comma_list_without_spaces", "clientUpdateProhibited,clientTransferProhibited", "clientUpdateProhibited|clientTransferProhibited" },
    };

    [Theory]
    [MemberData(nameof(StatusValues))]
    public void Reduces_status_values_to_flags(string name, string value, string expected)
    {
        var record = ParseOk($"Domain Name: example.com\nDomain Status: {value}\n");
        Assert.True(string.Join('|', record.Statuses) == expected, $"{name}: got {string.Join('|', record.Statuses)}");
    }

    [Fact]
    public void Reads_multi_line_contact_blocks()
    {
        const string text = """
            Domain Name: EXAMPLE.EDU

            Registrant:
            	Example University
            	100 Main Street
            	Springfield, IL 62701
            	US

            Administrative Contact:
            	Jane Doe
            	Network Operations
            	100 Main Street
            	+1.2175550100
            	jane@example.edu

            Name Servers:
            	NS1.EXAMPLE.EDU
            	NS2.EXAMPLE.EDU 192.0.2.53

            Domain record activated:    15-Jul-1985
            Domain record last updated: 30-Jun-2020
            Domain expires:             31-Jul-2022
            """;
        var record = ParseOk(text);
        Assert.Equal("Example University", record.Registrant?.Organization);
        Assert.Equal("100 Main Street, Springfield, IL 62701, US", record.Registrant?.Street);
        Assert.Equal("US", record.Registrant?.CountryOrRegion);
        Assert.Equal("Jane Doe", record.Admin?.Name);
        Assert.Equal("Network Operations", record.Admin?.Organization);
        Assert.Equal("jane@example.edu", record.Admin?.Email);
        Assert.Equal("+1.2175550100", record.Admin?.Telephone);
        Assert.Equal(["ns1.example.edu", "ns2.example.edu"], record.NameServers);
        Assert.Equal(new DateTimeOffset(1985, 7, 15, 0, 0, 0, TimeSpan.Zero), record.RegistrationDate);
        Assert.Equal(new DateTimeOffset(2022, 7, 31, 0, 0, 0, TimeSpan.Zero), record.ExpirationDate);
    }

    [Fact]
    public void Resolves_contact_handles_to_their_objects()
    {
        const string text = """
            domain:      example.fr
            status:      ACTIVE
            holder-c:    EX1-FRNIC
            admin-c:     EX2-FRNIC
            created:     2000-07-26T22:00:00Z

            nic-hdl:     EX1-FRNIC
            type:        ORGANIZATION
            contact:     Example SAS
            address:     1 rue de la Paix
            address:     75002 Paris
            country:     FR
            e-mail:      dns@example.fr

            nic-hdl:     EX2-FRNIC
            type:        PERSON
            contact:     Jean Dupont
            e-mail:      jean@example.fr
            """;
        var record = ParseOk(text);
        Assert.Equal("Example SAS", record.Registrant?.Name);
        Assert.Equal("1 rue de la Paix, 75002 Paris", record.Registrant?.Street);
        Assert.Equal("FR", record.Registrant?.CountryOrRegion);
        Assert.Equal("Jean Dupont", record.Admin?.Name);
        Assert.Equal("jean@example.fr", record.Admin?.Email);
        Assert.Equal(["ACTIVE"], record.Statuses);
    }

    [Fact]
    public void Reads_jprs_bracketed_keys()
    {
        const string text = """
            [ JPRS database provides information on network administration.              ]
            Domain Information:
            a. [Domain Name]                EXAMPLE.CO.JP
            g. [Organization]               Example K.K.
            p. [Name Server]                ns1.example.jp
            [State]                         Connected (2024/03/31)
            [Registered Date]               2001/03/22
            [Last Update]                   2023/04/01 01:05:57 (JST)
            """;
        var record = ParseOk(text);
        Assert.Equal("example.co.jp", record.Domain);
        Assert.Equal("Example K.K.", record.Registrant?.Organization);
        Assert.Equal(["Connected"], record.Statuses);
        Assert.Equal(["ns1.example.jp"], record.NameServers);
        Assert.Equal(new DateTimeOffset(2023, 3, 31, 16, 5, 57, TimeSpan.Zero), record.UpdatedDate);
    }

    [Fact]
    public void Reads_nominet_indented_sections()
    {
        const string text = """
                Domain name:
                    example.uk

                Registrar:
                    Example Registrar Ltd t/a Example [Tag = EXAMPLE]
                    URL: http://www.example.net

                Relevant dates:
                    Registered on: 11-Jun-2014
                    Expiry date:  11-Jun-2020
                    Last updated:  10-May-2019

                Registration status:
                    Registered until expiry date.

                Name servers:
                    ns1.example.net
                    ns2.example.net

                WHOIS lookup made at 09:42:27 12-Oct-2019
            """;
        var record = ParseOk(text);
        Assert.Equal("example.uk", record.Domain);
        Assert.Equal("Example Registrar Ltd t/a Example [Tag = EXAMPLE]", record.Registrar?.Name);
        Assert.Equal("http://www.example.net", record.RegistrarUrl);
        Assert.Equal(["Registered until expiry date"], record.Statuses);
        Assert.Equal(["ns1.example.net", "ns2.example.net"], record.NameServers);
        Assert.Equal(new DateTimeOffset(2014, 6, 11, 0, 0, 0, TimeSpan.Zero), record.RegistrationDate);
        Assert.Equal(new DateTimeOffset(2019, 5, 10, 0, 0, 0, TimeSpan.Zero), record.UpdatedDate);
    }

    [Fact]
    public void Uses_the_domain_hint_when_the_text_names_no_domain()
    {
        var result = Parse("Status: connect\nNserver: ns1.example.net\n", "Example.DE");
        Assert.False(result.IsError, result.Error);
        Assert.Equal("example.de", result.Record!.Domain);
        Assert.Equal(["ns1.example.net"], result.Record.NameServers);
    }

    public static TheoryData<string, string, string> Rejections => new()
    {
        { "empty", "", "empty response" },
        { "blank", "  \n\n ", "empty response" },
        { "no_match", "No match for \"NOPE-EXAMPLE.COM\".\n>>> Last update of whois database: 2019-10-12T10:00:00Z <<<\n", "not found" },
        { "not_found", "% No entries found for the selected source(s).\n", "not found" },
        { "domain_not_found", "Domain not found.\n", "not found" },
        { "free", "Domain Name: nope-example.de\nStatus: free\n", "not found" },
        { "no_domain", "Registrar: Example\nCreation Date: 2019-01-12\n", "no domain name in the text" },
        { "garbage", "\u0001\u0002 binary junk : ::: \n", "no domain name in the text" },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public void Rejects_responses_without_a_usable_record(string name, string text, string reason)
    {
        var result = Parse(text);
        Assert.True(result.IsError, $"{name}: expected a rejection");
        Assert.Equal(1, result.Position);
        Assert.StartsWith(reason, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Domain Name: example.com\nRegistrar: Ex\0ample\n", 2, "line 2 holds a NUL character")]
    [InlineData("D\0o\0m\0a\0i\0n\0", 1, "line 1 holds a NUL character")]
    [InlineData("Domain Name: example.com\nRegistrant Name: {long}\n", 2, "line 2 is longer than 2000 bytes")]
    public void Rejects_text_no_store_can_keep_and_names_the_line(string text, int line, string reason)
    {
        // 700 three-byte characters: 700 chars but 2100 UTF-8 bytes, past PostgreSQL's index entry size once indexed.
        var result = Parse(text.Replace("{long}", new string('\u20ac', 700), StringComparison.Ordinal));
        Assert.True(result.IsError);
        Assert.Equal(line, result.Position);
        Assert.StartsWith(reason, result.Error, StringComparison.Ordinal);
        Assert.False(Parse("Domain Name: example.com\nRegistrant Name: " + new string('a', 1900) + "\n").IsError);
    }

    [Fact]
    public void Rejects_an_oversized_input_without_reading_it_whole()
    {
        var huge = new string('x', 5 * 1024 * 1024);
        var result = Assert.Single(WhoisParser.Parse(new StringReader(huge)));
        Assert.True(result.IsError);
        Assert.Contains("larger than", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_parsing_the_next_response_after_a_bad_one()
    {
        string[] responses = ["No match for \"A.COM\".", Icann, "", "Domain Name: b.org\nName Server: NS.B.ORG\n"];
        var results = responses.Select(r => Parse(r)).ToList();
        Assert.Equal([true, false, true, false], results.Select(r => r.IsError));
        Assert.Equal("example.com", results[1].Record!.Domain);
        Assert.Equal(["ns.b.org"], results[3].Record!.NameServers);
    }

    private static Parsed<WhoisRecordData> Parse(string text, string? hint = null) =>
        Assert.Single(WhoisParser.Parse(new StringReader(text), hint));

    private static WhoisRecordData ParseOk(string text)
    {
        var result = Parse(text);
        Assert.False(result.IsError, result.Error);
        return result.Record!;
    }
}
