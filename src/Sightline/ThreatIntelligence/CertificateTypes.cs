using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sightline.Data.Entities;
using Sightline.OData;
using static Sightline.OData.GraphJson;

namespace Sightline.ThreatIntelligence;

/// <summary>Certificates, where they were seen, and ports (whose most recent certificate can be expanded).</summary>
internal static class CertificateTypes
{
    private static readonly (string, Expression<Func<CertificateParty, string?>>)[] _partyFields =
    [
        ("commonName", p => p.CommonName),
        ("organizationName", p => p.OrganizationName),
        ("organizationUnitName", p => p.OrganizationUnitName),
        ("email", p => p.Email),
        ("givenName", p => p.GivenName),
        ("surname", p => p.Surname),
        ("serialNumber", p => p.SerialNumber),
        ("address/city", p => p.City),
        ("address/state", p => p.State),
        ("address/countryOrRegion", p => p.CountryOrRegion),
        ("address/postalCode", p => p.PostalCode),
        ("address/street", p => p.Street),
    ];

    public static readonly GraphResource<SslCertificate> Certificate = WithPartyPaths(new GraphResource<SslCertificate>("sslCertificate")
        .Prop("id", c => c.Id)
        .Prop("expirationDateTime", c => c.ExpirationDateTime)
        .Prop("fingerprint", c => c.Fingerprint)
        .Prop("firstSeenDateTime", c => c.FirstSeenDateTime)
        .Prop("issueDateTime", c => c.IssueDateTime)
        .Custom("issuer", (j, c) => WriteParty(j, "issuer", c.Issuer))
        .Prop("lastSeenDateTime", c => c.LastSeenDateTime)
        .Prop("serialNumber", c => c.SerialNumber)
        .Prop("sha1", c => c.Sha1)
        .Custom("subject", (j, c) => WriteParty(j, "subject", c.Subject)));

    public static void WriteCertificate(Utf8JsonWriter json, string name, SslCertificate? certificate)
    {
        if (certificate is null)
        {
            json.WriteNull(name);
            return;
        }
        json.WritePropertyName(name);
        Certificate.Write(json, certificate, Selection.All);
    }

    private static GraphResource<SslCertificate> WithPartyPaths(GraphResource<SslCertificate> resource)
    {
        foreach (var (name, party) in new (string, Expression<Func<SslCertificate, CertificateParty>>)[] { ("issuer", c => c.Issuer), ("subject", c => c.Subject) })
        {
            foreach (var (field, value) in _partyFields)
            {
                resource.Path($"{name}/{field}", Expression.Lambda<Func<SslCertificate, string?>>(Inline(value, party.Body), party.Parameters));
            }
        }
        return resource;
    }

    /// <summary>Substitutes <paramref name="source"/> for the parameter of <paramref name="field"/>.</summary>
    internal static Expression Inline(LambdaExpression field, Expression source) =>
        new Substitute(field.Parameters[0], source).Visit(field.Body);

    private sealed class Substitute(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }

    private static void WriteParty(Utf8JsonWriter json, string name, CertificateParty p)
    {
        json.WriteStartObject(name);
        if ((p.City ?? p.State ?? p.CountryOrRegion ?? p.PostalCode ?? p.Street) is null)
        {
            json.WriteNull("address");
        }
        else
        {
            WhoisTypes.WriteAddress(json, p.Street, p.City, p.State, p.PostalCode, p.CountryOrRegion);
        }
        WriteValue(json, "alternateNames", p.AlternateNames);
        json.WriteString("commonName", p.CommonName);
        json.WriteString("email", p.Email);
        json.WriteString("givenName", p.GivenName);
        json.WriteString("organizationName", p.OrganizationName);
        json.WriteString("organizationUnitName", p.OrganizationUnitName);
        json.WriteString("serialNumber", p.SerialNumber);
        json.WriteString("surname", p.Surname);
        json.WriteEndObject();
    }

    public static readonly GraphResource<HostSslCertificate> HostCertificate = new GraphResource<HostSslCertificate>("hostSslCertificate")
        .Prop("id", r => r.Id)
        .Prop("firstSeenDateTime", r => r.FirstSeenDateTime)
        .Prop("lastSeenDateTime", r => r.LastSeenDateTime)
        .Custom("ports", WritePorts)
        .Custom("host", (j, r) => HostTypes.HostRef(j, "host", r.HostId))
        .Custom("sslCertificate", (j, r) => WriteCertificate(j, "sslCertificate", r.SslCertificate))
        .Path("host/id", r => r.HostId)
        .Path("sslCertificate/id", r => r.SslCertificateId);

    private static void WritePorts(Utf8JsonWriter json, HostSslCertificate r)
    {
        json.WriteStartArray("ports");
        foreach (var port in r.Ports)
        {
            json.WriteStartObject();
            WriteValue(json, "firstSeenDateTime", port.FirstSeenDateTime);
            WriteValue(json, "lastSeenDateTime", port.LastSeenDateTime);
            json.WriteNumber("port", port.Port);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    public static readonly GraphResource<HostPort> Port = new GraphResource<HostPort>("hostPort")
        .Prop("id", r => r.Id)
        .Custom("banners", WriteBanners)
        .Prop("firstSeenDateTime", r => r.FirstSeenDateTime)
        .Prop("lastScanDateTime", r => r.LastScanDateTime)
        .Prop("lastSeenDateTime", r => r.LastSeenDateTime)
        .Prop("port", r => r.Port)
        .Prop("protocol", r => r.Protocol)
        .Custom("services", WriteServices)
        .Prop("status", r => r.Status)
        .Prop("timesObserved", r => r.TimesObserved)
        .Custom("host", (j, r) => HostTypes.HostRef(j, "host", r.HostId))
        .Custom("mostRecentSslCertificate", WriteCertificateRef)
        .Path("host/id", r => r.HostId)
        .Path("mostRecentSslCertificate/id", r => r.MostRecentSslCertificateId)
        .Expand("mostRecentSslCertificate", ExpandCertificatesAsync);

    private static void WriteCertificateRef(Utf8JsonWriter json, HostPort port)
    {
        if (port.MostRecentSslCertificateId is null)
        {
            json.WriteNull("mostRecentSslCertificate");
            return;
        }
        json.WriteStartObject("mostRecentSslCertificate");
        json.WriteString("@odata.type", "#microsoft.graph.security.sslCertificate");
        json.WriteString("id", port.MostRecentSslCertificateId);
        json.WriteEndObject();
    }

    private static async Task<Action<Utf8JsonWriter, HostPort>> ExpandCertificatesAsync(Data.SightlineDb db, IReadOnlyList<HostPort> page, CancellationToken cancellationToken)
    {
        var ids = page.Select(p => p.MostRecentSslCertificateId).OfType<string>().Distinct().ToList();
        var certificates = await db.SslCertificates.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        return (json, port) => WriteCertificate(json, "mostRecentSslCertificate",
            port.MostRecentSslCertificateId is { } id ? certificates.GetValueOrDefault(id) : null);
    }

    private static void WriteBanners(Utf8JsonWriter json, HostPort port)
    {
        json.WriteStartArray("banners");
        foreach (var b in port.Banners)
        {
            json.WriteStartObject();
            json.WriteString("banner", b.Banner);
            WriteValue(json, "firstSeenDateTime", b.FirstSeenDateTime);
            WriteValue(json, "lastSeenDateTime", b.LastSeenDateTime);
            json.WriteString("scanProtocol", b.ScanProtocol);
            WriteValue(json, "timesObserved", b.TimesObserved);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteServices(Utf8JsonWriter json, HostPort port)
    {
        json.WriteStartArray("services");
        foreach (var s in port.Services)
        {
            json.WriteStartObject();
            WriteValue(json, "firstSeenDateTime", s.FirstSeenDateTime);
            WriteValue(json, "isRecent", s.IsRecent);
            WriteValue(json, "lastSeenDateTime", s.LastSeenDateTime);
            json.WritePropertyName("component");
            HostTypes.Component.Write(json, new HostComponent
            {
                HostId = port.HostId,
                Id = s.ComponentId,
                Name = s.Name,
                Version = s.Version,
                Category = s.Category,
                FirstSeenDateTime = s.FirstSeenDateTime ?? default,
                LastSeenDateTime = s.LastSeenDateTime ?? default,
            }, Selection.All);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
