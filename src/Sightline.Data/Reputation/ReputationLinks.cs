namespace Sightline.Data.Reputation;

/// <summary>
/// Where a rule's evidence can be read: Graph paths on this server, stored relative (the API prefixes the request's
/// base URL, as it does for <c>@odata.nextLink</c>). Keys and query values are percent-encoded.
/// </summary>
public static class ReputationLinks
{
    public const string Root = "/v1.0/security/threatIntelligence";
    public const string OverridesPath = "/reputation/overrides/";

    public static string Profile(string id) => $"{Root}/intelProfiles/{E(id)}";

    public static string Article(string id) => $"{Root}/articles/{E(id)}";

    public static string Certificate(string id) => $"{Root}/sslCertificates/{E(id)}";

    public static string CertificateHosts(string id) => Certificate(id) + "/relatedHosts";

    public static string Host(string host) => $"{Root}/hosts/{E(host)}";

    public static string Whois(string host) => Host(host) + "/whois";

    public static string PassiveDns(string host, string artifact) => Host(host) + "/passiveDns?$filter=" + E($"artifact/id eq {Literal(artifact)}");

    public static string HostPort(string id) => $"{Root}/hostPorts/{E(id)}";

    public static string Component(string id) => $"{Root}/hostComponents/{E(id)}";

    public static string TrackersWith(string value) => $"{Root}/hostTrackers?$filter={E("value eq " + Literal(value))}";

    public static string NameServerSearch(string nameServer) => WhoisSearch("nameservers/host/id", nameServer);

    /// <summary>WHOIS records whose field has the value, e.g. <c>registrar/name</c>: one field as whoisRecords' $search takes it.</summary>
    public static string WhoisSearch(string path, string value) => $"{Root}/whoisRecords?$search={E($"\"{path}:{value}\"")}";

    public static string Override(string host) => OverridesPath + E(host);

    /// <summary>An OData string literal: single quotes doubled.</summary>
    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string E(string value) => Uri.EscapeDataString(value);
}
