using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Sightline.Tests.Metadata;

namespace Sightline.Tests.Import;

/// <summary>Real STIX bundles from the shared data folder (Unit 42 playbooks, MITRE ATT&amp;CK), and edited copies of them.</summary>
public static class StixFiles
{
    /// <summary>The Unit 42 playbook on Fighting Ursa (APT28): a report attributed to the intrusion set, 50 indicators, two malware.</summary>
    public static string FightingUrsa => SharedReference.Locate("data/unit42/fighting-ursa.json");

    public static string Attack => SharedReference.Locate("data/attack/enterprise-attack-core.json");

    public const string UrsaReportId = "report--708d589b-8d99-48fd-bbb6-2d47648f807f";
    public const string UrsaActorId = "intrusion-set--75ac5bcc-3915-4815-b9a1-bf87277fc343";
    public const string ZebrocyId = "malware--243ff7ed-6097-4b24-a799-bd3138e23c8e";
    public const string Apt28Id = "intrusion-set--bef4c620-0787-42a8-a96d-b7eb6e85917c";

    /// <summary>The article id the demo gives a report: the first 8 hex digits of the SHA-256 of its STIX id.</summary>
    public static string ArticleId(string stixId) => Sha256(stixId)[..8];

    /// <summary>The profile id the demo gives an intrusion set, malware or tool: the SHA-256 of its STIX id.</summary>
    public static string ProfileId(string stixId) => Sha256(stixId);

    public static string Base64(string value) => Convert.ToBase64String(Encoding.UTF8.GetBytes(value));

    /// <summary>The bundle's text after <paramref name="edit"/> changed its <c>objects</c> array.</summary>
    public static string Edited(string path, Action<JsonArray> edit)
    {
        var bundle = JsonNode.Parse(File.ReadAllText(path))!;
        edit(bundle["objects"]!.AsArray());
        return bundle.ToJsonString();
    }

    public static JsonObject Object(JsonArray objects, string id) =>
        objects.Select(o => o!.AsObject()).Single(o => (string?)o["id"] == id);

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
