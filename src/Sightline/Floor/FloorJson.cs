using System.Data.Common;
using System.Text.Json;
using Sightline.Data.Entities;
using Sightline.Edm;
using Sightline.ThreatIntelligence;
using static Sightline.OData.GraphJson;

namespace Sightline.Floor;

/// <summary>The floor's JSON, written straight from reader columns in the order and shape the Graph routes write.</summary>
internal static class FloorJson
{
    private static string Type(string name) => "#" + GraphModel.Namespace + "." + name;

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static void WriteDate(Utf8JsonWriter json, string name, DateTimeOffset? value)
    {
        if (value is { } d)
        {
            json.WriteString(name, Date(d));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    public static void Collection<T>(Utf8JsonWriter json, string context, List<T> rows, Action<Utf8JsonWriter, T> write, string? next)
    {
        json.WriteStartObject();
        json.WriteString("@odata.context", context);
        json.WriteStartArray("value");
        foreach (var row in rows)
        {
            write(json, row);
        }
        json.WriteEndArray();
        if (next is not null)
        {
            json.WriteString("@odata.nextLink", next);
        }
        json.WriteEndObject();
    }

    public static void Host(Utf8JsonWriter json, FloorStatements floor, DbDataReader r, string context)
    {
        var kind = (HostKind)r.GetInt32(r.GetOrdinal("Kind"));
        json.WriteStartObject();
        json.WriteString("@odata.context", context);
        json.WriteString("@odata.type", Type(HostType(kind)));
        json.WriteString("id", r.GetString(r.GetOrdinal("Id")));
        WriteDate(json, "firstSeenDateTime", floor.NullableDate(r, r.GetOrdinal("FirstSeenDateTime")));
        WriteDate(json, "lastSeenDateTime", floor.NullableDate(r, r.GetOrdinal("LastSeenDateTime")));
        if (kind == HostKind.Hostname)
        {
            json.WriteString("registrant", Text(r, r.GetOrdinal("Registrant")));
            json.WriteString("registrar", Text(r, r.GetOrdinal("Registrar")));
        }
        else
        {
            var asNumber = r.GetOrdinal("AsNumber");
            if (r.IsDBNull(asNumber))
            {
                json.WriteNull("autonomousSystem");
            }
            else
            {
                var number = r.GetInt32(asNumber);
                var asName = Text(r, r.GetOrdinal("AsName"));
                var organization = Text(r, r.GetOrdinal("AsOrganization"));
                json.WriteStartObject("autonomousSystem");
                json.WriteString("name", asName ?? "");
                json.WriteNumber("number", number);
                json.WriteString("organization", organization ?? "");
                json.WriteString("value", $"AS{number} {organization ?? asName}".TrimEnd());
                json.WriteEndObject();
            }
            json.WriteString("countryOrRegion", Text(r, r.GetOrdinal("CountryOrRegion")));
            json.WriteString("hostingProvider", Text(r, r.GetOrdinal("HostingProvider")));
            json.WriteString("netblock", Text(r, r.GetOrdinal("Netblock")));
        }
        json.WriteEndObject();
    }

    public static void Reputation(Utf8JsonWriter json, DbDataReader r, string baseUrl, string context)
    {
        json.WriteStartObject();
        json.WriteString("@odata.context", context);
        json.WriteString("@odata.type", Type("hostReputation"));
        json.WriteString("id", r.GetString(r.GetOrdinal("Id")));
        json.WriteString("classification", EnumName((ReputationClass)r.GetInt32(r.GetOrdinal("Classification"))));
        json.WriteStartArray("rules");
        using (var rules = JsonDocument.Parse(r.GetString(r.GetOrdinal("Rules"))))
        {
            foreach (var rule in rules.RootElement.EnumerateArray())
            {
                var url = rule.GetProperty("RelatedDetailsUrl").GetString();
                json.WriteStartObject();
                json.WriteString("description", rule.GetProperty("Description").GetString());
                json.WriteString("name", rule.GetProperty("Name").GetString());
                json.WriteString("relatedDetailsUrl", url is { Length: > 0 } && url[0] == '/' ? baseUrl + url : url);
                json.WriteString("severity", EnumName((RuleSeverity)rule.GetProperty("Severity").GetInt32()));
                json.WriteEndObject();
            }
        }
        json.WriteEndArray();
        json.WriteNumber("score", r.GetInt32(r.GetOrdinal("Score")));
        json.WriteEndObject();
    }

    public static void UnknownReputation(Utf8JsonWriter json, string id, string context)
    {
        json.WriteStartObject();
        json.WriteString("@odata.context", context);
        json.WriteString("@odata.type", Type("hostReputation"));
        json.WriteString("id", id);
        json.WriteString("classification", EnumName(ReputationClass.Unknown));
        json.WriteStartArray("rules");
        json.WriteEndArray();
        json.WriteNumber("score", 0);
        json.WriteEndObject();
    }

    public sealed record PassiveDnsOrdinals(int Id, int Collected, int First, int Last, int Type, int Artifact, int ArtifactKind, int Parent)
    {
        public static PassiveDnsOrdinals Of(DbDataReader r) => new(r.GetOrdinal("Id"), r.GetOrdinal("CollectedDateTime"), r.GetOrdinal("FirstSeenDateTime"),
            r.GetOrdinal("LastSeenDateTime"), r.GetOrdinal("RecordType"), r.GetOrdinal("ArtifactId"), r.GetOrdinal("ArtifactKind"), r.GetOrdinal("ParentHostId"));
    }

    public sealed record PassiveDnsRow(string Id, DateTimeOffset Collected, DateTimeOffset First, DateTimeOffset Last, string Type, string Artifact, HostKind ArtifactKind, string Parent)
    {
        public static PassiveDnsRow Read(FloorStatements floor, DbDataReader r, PassiveDnsOrdinals o) => new(r.GetString(o.Id),
            floor.Date(r, o.Collected), floor.Date(r, o.First), floor.Date(r, o.Last), r.GetString(o.Type), r.GetString(o.Artifact),
            (HostKind)r.GetInt32(o.ArtifactKind), r.GetString(o.Parent));
    }

    public static void PassiveDns(Utf8JsonWriter json, PassiveDnsRow p)
    {
        json.WriteStartObject();
        json.WriteString("@odata.type", Type("passiveDnsRecord"));
        json.WriteString("id", p.Id);
        json.WriteString("collectedDateTime", Date(p.Collected));
        json.WriteString("firstSeenDateTime", Date(p.First));
        json.WriteString("lastSeenDateTime", Date(p.Last));
        json.WriteString("recordType", p.Type);
        WriteHostRef(json, "artifact", p.Artifact, p.ArtifactKind);
        WriteHostRef(json, "parentHost", p.Parent, HostKinds.Of(p.Parent));
        json.WriteEndObject();
    }

    public sealed record ArticleRow(string Id, string Title, string? Summary, ContentFormat SummaryFormat, string? Body, ContentFormat BodyFormat,
        DateTimeOffset Created, DateTimeOffset Updated, bool Featured, string? ImageUrl, IReadOnlyList<string> Tags)
    {
        public static ArticleRow Read(FloorStatements floor, DbDataReader r)
        {
            var tags = r.GetOrdinal("Tags");
            return new(r.GetString(r.GetOrdinal("Id")), r.GetString(r.GetOrdinal("Title")), Text(r, r.GetOrdinal("SummaryContent")),
                (ContentFormat)r.GetInt32(r.GetOrdinal("SummaryFormat")), Text(r, r.GetOrdinal("BodyContent")), (ContentFormat)r.GetInt32(r.GetOrdinal("BodyFormat")),
                floor.Date(r, r.GetOrdinal("CreatedDateTime")), floor.Date(r, r.GetOrdinal("LastUpdatedDateTime")), r.GetBoolean(r.GetOrdinal("IsFeatured")),
                Text(r, r.GetOrdinal("ImageUrl")),
                floor.IsPostgres ? r.GetFieldValue<string[]>(tags) : JsonSerializer.Deserialize(r.GetString(tags), FloorJsonContext.Default.StringArray)!);
        }
    }

    public static void Article(Utf8JsonWriter json, ArticleRow a)
    {
        json.WriteStartObject();
        json.WriteString("@odata.type", Type("article"));
        json.WriteString("id", a.Id);
        WriteContent(json, "body", a.Body, a.BodyFormat);
        json.WriteString("createdDateTime", Date(a.Created));
        json.WriteString("imageUrl", a.ImageUrl);
        json.WriteBoolean("isFeatured", a.Featured);
        json.WriteString("lastUpdatedDateTime", Date(a.Updated));
        WriteContent(json, "summary", a.Summary, a.SummaryFormat);
        json.WriteStartArray("tags");
        foreach (var tag in a.Tags)
        {
            json.WriteStringValue(tag);
        }
        json.WriteEndArray();
        json.WriteString("title", a.Title);
        json.WriteEndObject();
    }

    public static void Whois(Utf8JsonWriter json, FloorStatements floor, DbDataReader r, string context)
    {
        json.WriteStartObject();
        json.WriteString("@odata.context", context);
        json.WriteString("@odata.type", Type("whoisRecord"));
        json.WriteString("id", r.GetString(r.GetOrdinal("Id")));
        Contact(json, r, "abuse");
        Contact(json, r, "admin");
        Contact(json, r, "billing");
        json.WriteString("domainStatus", Text(r, r.GetOrdinal("DomainStatus")));
        WriteDate(json, "expirationDateTime", floor.NullableDate(r, r.GetOrdinal("ExpirationDateTime")));
        WriteDate(json, "firstSeenDateTime", floor.NullableDate(r, r.GetOrdinal("FirstSeenDateTime")));
        WriteDate(json, "lastSeenDateTime", floor.NullableDate(r, r.GetOrdinal("LastSeenDateTime")));
        WriteDate(json, "lastUpdateDateTime", floor.NullableDate(r, r.GetOrdinal("LastUpdateDateTime")));
        json.WriteStartArray("nameservers");
        using (var nameservers = JsonDocument.Parse(r.GetString(r.GetOrdinal("Nameservers"))))
        {
            foreach (var ns in nameservers.RootElement.EnumerateArray())
            {
                json.WriteStartObject();
                WriteDate(json, "firstSeenDateTime", ns.TryGetProperty("FirstSeenDateTime", out var first) ? FloorStatements.JsonDate(first) : null);
                WriteDate(json, "lastSeenDateTime", ns.TryGetProperty("LastSeenDateTime", out var last) ? FloorStatements.JsonDate(last) : null);
                var host = ns.GetProperty("HostId").GetString()!;
                WriteHostRef(json, "host", host, HostKinds.Of(host));
                json.WriteEndObject();
            }
        }
        json.WriteEndArray();
        Contact(json, r, "noc");
        json.WriteString("rawWhoisText", Text(r, r.GetOrdinal("RawWhoisText")));
        Contact(json, r, "registrant");
        Contact(json, r, "registrar");
        WriteDate(json, "registrationDateTime", floor.NullableDate(r, r.GetOrdinal("RegistrationDateTime")));
        Contact(json, r, "technical");
        json.WriteString("whoisServer", Text(r, r.GetOrdinal("WhoisServer")));
        Contact(json, r, "zone");
        var hostId = r.GetString(r.GetOrdinal("HostId"));
        WriteHostRef(json, "host", hostId, HostKinds.Of(hostId));
        json.WriteEndObject();
    }

    /// <summary>An owned contact reads back as null when all its columns are null (EF Core's optional dependent).</summary>
    private static void Contact(Utf8JsonWriter json, DbDataReader r, string name)
    {
        var prefix = char.ToUpperInvariant(name[0]) + name[1..] + "_";
        string? Field(string field) => Text(r, r.GetOrdinal(prefix + field));
        string? street = Field("Street"), city = Field("City"), state = Field("State"), postal = Field("PostalCode"), country = Field("CountryOrRegion");
        string? email = Field("Email"), fax = Field("Fax"), person = Field("Name"), organization = Field("Organization"), telephone = Field("Telephone");
        if ((street ?? city ?? state ?? postal ?? country ?? email ?? fax ?? person ?? organization ?? telephone) is null)
        {
            json.WriteNull(name);
            return;
        }
        json.WriteStartObject(name);
        if ((street ?? city ?? state ?? postal ?? country) is null)
        {
            json.WriteNull("address");
        }
        else
        {
            WhoisTypes.WriteAddress(json, street, city, state, postal, country);
        }
        json.WriteString("email", email);
        json.WriteString("fax", fax);
        json.WriteString("name", person);
        json.WriteString("organization", organization);
        json.WriteString("telephone", telephone);
        json.WriteEndObject();
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(string[]))]
internal sealed partial class FloorJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
