using System.Text.Json;
using Sightline.Data.Entities;
using Host = Sightline.Data.Entities.Host;
using Sightline.OData;
using static Sightline.OData.GraphJson;

namespace Sightline.ThreatIntelligence;

/// <summary>Graph's host types and everything observed on a host.</summary>
internal static class HostTypes
{
    private static bool IsName(Host h) => h.Kind == HostKind.Hostname;

    private static bool IsIp(Host h) => h.Kind == HostKind.IpAddress;

    public static void HostRef(Utf8JsonWriter json, string name, string id) => WriteHostRef(json, name, id, HostKinds.Of(id));

    public static readonly GraphResource<Host> AnyHost = new GraphResource<Host>("host") { ConcreteType = h => HostType(h.Kind) }
        .Prop("id", h => h.Id)
        .Prop("firstSeenDateTime", h => h.FirstSeenDateTime)
        .Prop("lastSeenDateTime", h => h.LastSeenDateTime)
        .Prop("registrant", h => h.Registrant, IsName)
        .Prop("registrar", h => h.Registrar, IsName)
        .Custom("autonomousSystem", WriteAutonomousSystem, IsIp)
        .Prop("countryOrRegion", h => h.CountryOrRegion, IsIp)
        .Prop("hostingProvider", h => h.HostingProvider, IsIp)
        .Prop("netblock", h => h.Netblock, IsIp)
        .Path("autonomousSystem/number", h => h.AsNumber)
        .Path("autonomousSystem/name", h => h.AsName)
        .Path("autonomousSystem/organization", h => h.AsOrganization);

    private static void WriteAutonomousSystem(Utf8JsonWriter json, Host h)
    {
        if (h.AsNumber is not { } number)
        {
            json.WriteNull("autonomousSystem");
            return;
        }
        json.WriteStartObject("autonomousSystem");
        json.WriteString("name", h.AsName ?? "");
        json.WriteNumber("number", number);
        json.WriteString("organization", h.AsOrganization ?? "");
        json.WriteString("value", $"AS{number} {h.AsOrganization ?? h.AsName}".TrimEnd());
        json.WriteEndObject();
    }

    public static readonly GraphResource<PassiveDnsRecord> PassiveDns = new GraphResource<PassiveDnsRecord>("passiveDnsRecord")
        .Prop("id", r => r.Id)
        .Prop("collectedDateTime", r => r.CollectedDateTime)
        .Prop("firstSeenDateTime", r => r.FirstSeenDateTime)
        .Prop("lastSeenDateTime", r => r.LastSeenDateTime)
        .Prop("recordType", r => r.RecordType)
        .Custom("artifact", (j, r) => WriteHostRef(j, "artifact", r.ArtifactId, r.ArtifactKind))
        .Custom("parentHost", (j, r) => HostRef(j, "parentHost", r.ParentHostId))
        .Path("artifact/id", r => r.ArtifactId)
        .Path("parentHost/id", r => r.ParentHostId);

    public static readonly GraphResource<Subdomain> Subdomain = new GraphResource<Subdomain>("subdomain")
        .Prop("id", r => r.Id)
        .Prop("firstSeenDateTime", r => r.FirstSeenDateTime)
        .Custom("host", (j, r) => HostRef(j, "host", r.HostId))
        .Path("host/id", r => r.HostId);

    public static readonly GraphResource<HostComponent> Component = new GraphResource<HostComponent>("hostComponent")
        .Prop("id", r => r.Id)
        .Prop("category", r => r.Category)
        .Prop("firstSeenDateTime", r => r.FirstSeenDateTime)
        .Prop("lastSeenDateTime", r => r.LastSeenDateTime)
        .Prop("name", r => r.Name)
        .Prop("version", r => r.Version)
        .Custom("host", (j, r) => HostRef(j, "host", r.HostId))
        .Path("host/id", r => r.HostId);

    public static readonly GraphResource<HostCookie> Cookie = new GraphResource<HostCookie>("hostCookie")
        .Prop("id", r => r.Id)
        .Prop("domain", r => r.Domain)
        .Prop("firstSeenDateTime", r => r.FirstSeenDateTime)
        .Prop("lastSeenDateTime", r => r.LastSeenDateTime)
        .Prop("name", r => r.Name)
        .Custom("host", (j, r) => HostRef(j, "host", r.HostId))
        .Path("host/id", r => r.HostId);

    public static readonly GraphResource<HostTracker> Tracker = new GraphResource<HostTracker>("hostTracker")
        .Prop("id", r => r.Id)
        .Prop("firstSeenDateTime", r => r.FirstSeenDateTime)
        .Prop("kind", r => r.Kind)
        .Prop("lastSeenDateTime", r => r.LastSeenDateTime)
        .Prop("value", r => r.Value)
        .Custom("host", (j, r) => HostRef(j, "host", r.HostId))
        .Path("host/id", r => r.HostId);

    public static readonly GraphResource<HostPair> Pair = new GraphResource<HostPair>("hostPair")
        .Prop("id", r => r.Id)
        .Prop("firstSeenDateTime", r => r.FirstSeenDateTime)
        .Prop("lastSeenDateTime", r => r.LastSeenDateTime)
        .Prop("linkKind", r => r.LinkKind)
        .Custom("childHost", (j, r) => WriteHostRef(j, "childHost", r.ChildHostId, r.ChildHostKind))
        .Custom("parentHost", (j, r) => WriteHostRef(j, "parentHost", r.ParentHostId, r.ParentHostKind))
        .Path("childHost/id", r => r.ChildHostId)
        .Path("parentHost/id", r => r.ParentHostId);

    public static readonly GraphResource<HostReputation> Reputation = new GraphResource<HostReputation>("hostReputation")
        .Prop("id", r => r.Id)
        .Prop("classification", r => r.Classification)
        .Custom("rules", WriteRules)
        .Prop("score", r => r.Score);

    private static void WriteRules(Utf8JsonWriter json, HostReputation reputation)
    {
        json.WriteStartArray("rules");
        foreach (var rule in reputation.Rules)
        {
            json.WriteStartObject();
            json.WriteString("description", rule.Description);
            json.WriteString("name", rule.Name);
            json.WriteString("relatedDetailsUrl", rule.RelatedDetailsUrl);
            json.WriteString("severity", EnumName(rule.Severity));
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
