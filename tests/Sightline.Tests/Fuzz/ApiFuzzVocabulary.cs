using Sightline.Data;
using static Sightline.Tests.Support.TestData;

namespace Sightline.Tests.Fuzz;

/// <summary>
/// The words the API fuzz builds requests from: valid requests on <see cref="Support.TestData"/> (each answers 200),
/// hostile keys, and pieces of OData query options, valid and broken.
/// </summary>
internal static class ApiFuzzVocabulary
{
    public const string Root = "/security/threatIntelligence";

    private static readonly string _profile = new('a', 64);
    private static readonly string _certificate = GraphIds.Compose("a3b59e5fe884ee1f34d98eef858e3fb662ac104a");
    private static readonly string _whois = GraphIds.Compose(Domain, "3");
    private static readonly string _whoisOld = GraphIds.Compose(Domain, "1");
    private static readonly string _port = GraphIds.Compose(Ip, "443");
    private static readonly string _pair = GraphIds.Compose("redirect", Domain, "www." + Domain, Domain);
    private static readonly string _dns = GraphIds.Compose(Domain, "198.51.100.1", "AAAA");
    private static readonly string _cookie = GraphIds.Compose(Domain, "JSESSIONID", Domain);

    /// <summary>Paths below <see cref="Root"/> that exist in the known data, keys escaped as a client escapes them.</summary>
    public static readonly string[] ValidPaths =
    [
        $"hosts/{Domain}", $"hosts('{Domain}')", $"hosts/{Ip}", $"hosts/{Uri.EscapeDataString(Ip6)}",
        $"hosts/{Domain}/passiveDns", $"hosts/{Domain}/passiveDns/$count", $"hosts/{Ip}/passiveDnsReverse", $"hosts/{Domain}/subdomains",
        $"hosts/{Domain}/components", $"hosts/{Ip}/components", $"hosts/{Domain}/cookies", $"hosts/{Domain}/trackers",
        $"hosts/{Domain}/hostPairs", $"hosts/{Domain}/childHostPairs", $"hosts/{Domain}/parentHostPairs", $"hosts/{Ip}/ports",
        $"hosts/{Domain}/sslCertificates", $"hosts/{Ip}/reputation", $"hosts/{Domain}/whois", $"hosts/{Domain}/whois/history",
        $"hosts/{Domain}/whois/history/$count",
        "articles", "articles/a272d5ab", "articles/a272d5ab/indicators", "articles/$count",
        "intelProfiles", $"intelProfiles/{_profile}", $"intelProfiles/{_profile}/indicators",
        "vulnerabilities/CVE-2021-44228", "vulnerabilities/CVE-2021-44228/components", "vulnerabilities/CVE-2021-44228/articles",
        $"sslCertificates/{Uri.EscapeDataString(_certificate)}", $"sslCertificates/{Uri.EscapeDataString(_certificate)}/relatedHosts",
        $"whoisRecords/{Uri.EscapeDataString(_whois)}", $"whoisRecords/{Uri.EscapeDataString(_whois)}/history",
        $"whoisRecords/{Uri.EscapeDataString(_whois)}/host", $"whoisHistoryRecords/{Uri.EscapeDataString(_whoisOld)}",
        $"whoisHistoryRecord/{Uri.EscapeDataString(_whoisOld)}/host",
        $"hostPorts/{Uri.EscapeDataString(_port)}", $"hostPorts/{Uri.EscapeDataString(_port)}/mostRecentSslCertificate",
        $"hostPairs/{Uri.EscapeDataString(_pair)}/parentHost", $"passiveDnsRecords/{Uri.EscapeDataString(_dns)}",
        $"passiveDnsRecords/{Uri.EscapeDataString(_dns)}/artifact", $"hostCookies/{Uri.EscapeDataString(_cookie)}",
        $"hostCookies/{Uri.EscapeDataString(PlusSlashCookieId)}",
        "hostTrackers?$filter=value eq 'G-ABC123'", $"hostCookies?$filter=host/id eq '{Domain}'",
        "whoisRecords?$search=\"nameservers/host/id:ns1.contoso.example\"", "sslCertificates?$search=\"sha1:a3b59e5fe884ee1f34d98eef858e3fb662ac104a\"",
        "articles?$search=phishing", $"hosts/{Domain}/passiveDns?$filter=recordType eq 'A'&$top=5&$count=true",
        $"hosts/{Domain}/passiveDns?$orderby=lastSeenDateTime desc&$skip=3&$select=id,recordType",
        $"hosts/{Ip}/ports?$expand=mostRecentSslCertificate", "articles?$expand=indicators&$top=1",
        "intelProfiles?$filter=kind eq 'actor'", $"hosts/{Domain}/childHostPairs?$filter=linkKind eq 'redirect'",
    ];

    /// <summary>Segments in Graph's spelling, used to build wrong paths.</summary>
    public static readonly string[] Segments =
    [
        "hosts", "articles", "articleIndicators", "intelProfiles", "intelligenceProfileIndicators", "vulnerabilities", "whoisRecords",
        "whoisHistoryRecords", "sslCertificates", "hostPorts", "hostPairs", "hostCookies", "hostTrackers", "hostComponents", "subdomains",
        "passiveDnsRecords", "hostSslCertificates", "passiveDns", "passiveDnsReverse", "components", "cookies", "trackers", "hostPairs",
        "childHostPairs", "parentHostPairs", "ports", "reputation", "whois", "history", "indicators", "artifact", "host", "parentHost",
        "childHost", "relatedHosts", "mostRecentSslCertificate", "sslCertificate", "security", "threatIntelligence",
        "$count", "$value", "$ref", "$metadata", "$batch", "$entity", "$each", "$all", "$filter(id eq 'x')", "$crossjoin(hosts,articles)",
        "microsoft.graph.security.hostname", "microsoft.graph.security.ipAddress", "microsoft.graph.security.article", "graph.hostname",
        "foo", "HOSTS", "Hosts", "hosts()", "hosts('')", "hosts(')", "hosts(())", "hosts('a''b')", "hosts(id='contoso.example')",
        "hosts('a',b)", "hosts('contoso.example')('x')", ".", "..", "%2e", "%2E%2E", "~", "*", ";", "hosts;v=1", "%", "%zz", "%2F", "%00",
    ];

    /// <summary>Keys a client might send, well-formed or not (escaped as the generator decides).</summary>
    public static readonly string[] Keys =
    [
        Domain, Ip, Ip6, "www." + Domain, "a272d5ab", "CVE-2021-44228", _profile, _certificate, _whois, _port, _pair, _cookie, PlusSlashCookieId,
        "", " ", "'", "''", "a'b", "(", ")", "()", ",", "a,b", "*", ".", "..", "/", "//", "\\", "?", "#", "&", "=", "+", "a+b", "%", "%%",
        "$count", "$value", "$ref", "null", "undefined", "true", "-1", "0", "1e309", "99999999999999999999999999", "-9223372036854775809",
        "NaN", "INF", "\0", "\r\n", "\t", "\u007f", "\u0001", "\u202e", "\ufeff", "\ud83d\ude00", "bücher.example", "xn--bcher-kva.example",
        "ÄÖÜ.example", "пример.рф", "例え.jp", "CONTOSO.EXAMPLE", "contoso.example.", ".contoso.example", "contoso..example",
        "-contoso.example", "contoso.example:443", "http://contoso.example/", "::1", "[::1]", "::", "2001:db8::1%eth0", "2001:0DB8:0000:0000:0000:0000:0000:0001",
        "::ffff:20.103.85.33", "20.103.85.33.", "020.103.085.033", "0x14.0x67.0x55.0x21", "343168289", "256.1.1.1", "1.2.3",
        "20.103.0.0/16", "2001:db8::/32", "20.103.85.33/33", "' OR 1=1 --", "'; DROP TABLE \"Hosts\"; --", "%25", "_", "\\x00",
        "../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "{\"a\":1}", "<x/>", "{0}", "%s%n", "CVE-0000-0000", "cve-2021-44228",
        "YWJj", "YWJj=", "====", "not base64!", new string('a', 300), new string('x', 5000), new string('9', 400),
    ];

    /// <summary>Raw percent sequences that decode to nothing valid or to something surprising.</summary>
    public static readonly string[] Escapes =
    [
        "%C3%28", "%C0%AF", "%C0%80", "%E0%80%AF", "%ED%A0%80", "%F4%90%80%80", "%FF", "%FE%FF", "%00", "%0A", "%0D%0A", "%7F",
        "%2F", "%252F", "%25", "%2", "%G0", "%u0041", "%%41", "%E2%80%AE", "%EF%BB%BF", "%F0%9F%98%80", "%2e%2e", "%5C", "%27", "%22",
    ];

    public static readonly string[] Properties =
    [
        "id", "recordType", "firstSeenDateTime", "lastSeenDateTime", "collectedDateTime", "linkKind", "parentHost/id", "childHost/id",
        "artifact/id", "host/id", "title", "summary/content", "createdDateTime", "kind", "name", "value", "domain", "port", "status",
        "protocol", "timesObserved", "registrar", "registrant", "countryOrRegion", "netblock", "autonomousSystem/number",
        "admin/address/state", "registrant/email", "expirationDateTime", "isCurrent", "sha1", "serialNumber", "issuer/commonName",
        "subject/alternateNames", "tags", "aliases", "targets", "severity", "priorityScore", "cvss3Summary/score", "score", "classification",
        "microsoft.graph.security.ipAddress/autonomousSystem/number", "microsoft.graph.security.hostname/registrar",
        "foo", "foo/bar", "id/id", "parentHost", "$it/id", "$root/hosts", "@odata.type", "Id", "ID", "RECORDTYPE", "passiveDns", "indicators",
    ];

    public static readonly string[] Literals =
    [
        "'A'", "'contoso.example'", "''", "'it''s'", "'", "'unterminated", "42", "-1", "0", "3.14", "1e309", "-1e309", "9999999999999999999999999",
        "2147483648", "-2147483649", "INF", "NaN", "true", "false", "null", "2025-01-01", "2025-13-45", "2025-01-01T00:00:00Z",
        "2025-02-30T25:61:61Z", "0000-00-00T00:00:00Z", "9999-12-31T23:59:59.9999999+14:00", "-0001-01-01", "12:00:00",
        "01234567-89ab-cdef-0123-456789abcdef", "duration'P1D'", "duration'PX'", "binary'AAEC'", "X'00'", "geography'POINT(1 2)'",
        "microsoft.graph.security.hostPairLinkKind'redirect'", "microsoft.graph.security.x'y'", "'\u00e9\u4e2d\ud83d\ude00'", "@p1", "$it", "$root",
        "('a','b')", "[1,2]", "{\"a\":1}",
    ];

    public static readonly string[] Operators = ["eq", "ne", "gt", "ge", "lt", "le", "has", "in", "add", "sub", "mul", "div", "mod", "EQ", "==", "=", "like", "is", "eqq"];

    public static readonly string[] Functions =
    [
        "startswith", "endswith", "contains", "tolower", "toupper", "trim", "length", "substring", "indexof", "concat", "year", "month",
        "now", "round", "floor", "cast", "isof", "geo.distance", "matchesPattern", "hassubset", "fractionalseconds", "maxdatetime", "foo",
        "microsoft.graph.foo", "StartsWith",
    ];

    public static readonly string[] OptionNames =
    [
        "$filter", "$select", "$expand", "$orderby", "$top", "$skip", "$count", "$search", "$skiptoken", "$format", "$apply", "$compute",
        "$levels", "$deltatoken", "$id", "$index", "$schemaversion", "$x", "$", "$$top", "$TOP", "$Top", "top", "filter", "%24top", "%24filter",
        "$orderBy", "$SELECT", "@p1", "@", "api-version", "", "=",
    ];

    public static readonly string[] Integers =
    [
        "0", "1", "5", "100", "999", "1000", "1001", "10000", "-1", "-0", "+1", " 1", "1 ", "1.5", "1e3", "0x10", "abc", "", "2147483647",
        "2147483648", "-2147483648", "99999999999999999999", "٣", "１", "1,000", "null", "true",
    ];

    public static readonly string[] Searches =
    [
        "phishing", "\"phishing\"", "\"", "\"\"", "\"a", "a\"b", "\"path:value\"", "\"fingerprint:zz\"", "\"admin/address/state:WA\"",
        "\"registrant/email:admin3@contoso.example\"", "\"nameservers/host/id:ns1.contoso.example\"", "\"sha1:\"", "\":\"", "\"issuer/commonName:Contoso Issuing CA\"",
        "\"subject/foo:x\"", "\"registrant/address/nothing:x\"", "NOT phishing", "a OR b", "a AND (b", "\"a\" \"b\"", "*", "%", "_", "'", "\\",
        "\u00e9\u4e2d", "\"" + new string('q', 600) + "\"", "\"x:" + new string('y', 300) + "\"",
    ];

    public static readonly string[] Accepts =
    [
        "application/json", "application/xml", "text/html", "*/*", "*/*;q=0", "application/json;odata.metadata=full", "application/json;odata.metadata=none",
        "application/json;IEEE754Compatible=true", "application/atom+xml", "text/plain", "@@@", "", "application/json;q=abc", "image/png, */*;q=0.1",
        "application/json;odata.streaming=true;charset=utf-16", new string('a', 2000),
    ];
}
