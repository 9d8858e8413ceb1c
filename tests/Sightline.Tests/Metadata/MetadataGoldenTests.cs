using System.Net;
using System.Xml.Linq;
using Microsoft.OData.Edm;
using Sightline.Tests.Support;

namespace Sightline.Tests.Metadata;

[Collection("known")]
public sealed class MetadataGoldenTests(KnownDataFixture fixture)
{
    private static readonly Lazy<string> _reference = new(() => File.ReadAllText(SharedReference.CsdlPath));

    private static string Reference => _reference.Value;

    private async Task<string> GetMetadataAsync(string version)
    {
        using var client = fixture.Server.AnonymousClient();
        using var response = await client.GetAsync($"/{version}/$metadata");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /{version}/$metadata without a token answered {(int)response.StatusCode}: {body}");
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        Assert.True(mediaType is "application/xml" or "text/xml", $"$metadata Content-Type is '{response.Content.Headers.ContentType}', expected XML");
        return body;
    }

    [Theory]
    [InlineData("v1.0")]
    [InlineData("beta")]
    public async Task Metadata_is_served_without_a_token_as_xml_and_matches_the_reference_schema(string version)
    {
        var served = await GetMetadataAsync(version);

        var document = XDocument.Parse(served);
        Assert.Equal("Edmx", document.Root!.Name.LocalName);

        var differences = CsdlComparer.Compare(Reference, served);
        Assert.True(differences.Count == 0, $"/{version}/$metadata differs from {SharedReference.CsdlPath}: {CsdlComparer.Describe(differences)}");
    }

    [Fact]
    public async Task Metadata_covers_every_reference_type_of_the_security_namespace()
    {
        var served = CsdlComparer.Read(await GetMetadataAsync("v1.0"));
        var reference = CsdlComparer.Read(Reference);

        var expected = reference.SchemaElements.OfType<IEdmSchemaType>().Where(t => t.Namespace == CsdlComparer.SecurityNamespace).Select(t => t.FullName()).Order().ToList();
        var actual = served.SchemaElements.OfType<IEdmSchemaType>().Where(t => t.Namespace == CsdlComparer.SecurityNamespace).Select(t => t.FullName()).Order().ToList();
        Assert.True(expected.Count > 40, $"the reference schema looks truncated: {expected.Count} security types");
        Assert.Equal(expected, actual);

        var entity = Assert.IsType<IEdmEntityType>(served.FindDeclaredType("microsoft.graph.entity"), exactMatch: false);
        Assert.Equal(["id"], entity.Key().Select(p => p.Name));
        Assert.NotNull(served.EntityContainer.FindSingleton("security"));
    }

    [Fact]
    public void Comparer_reports_no_difference_between_the_reference_and_itself()
    {
        var differences = CsdlComparer.Compare(Reference, Reference);
        Assert.True(differences.Count == 0, CsdlComparer.Describe(differences));
    }

    [Theory]
    [InlineData("microsoft.graph.security.article", "title", "Nullable", null,
        "microsoft.graph.security.article.title: Nullable expected false, served true")]
    [InlineData("microsoft.graph.security.article", "imageUrl", "Nullable", "false",
        "microsoft.graph.security.article.imageUrl: Nullable expected true, served false")]
    [InlineData("microsoft.graph.security.article", "createdDateTime", "Type", "Edm.Date",
        "microsoft.graph.security.article.createdDateTime: type expected Edm.DateTimeOffset, served Edm.Date")]
    [InlineData("microsoft.graph.security.host", "reputation", "ContainsTarget", null,
        "microsoft.graph.security.host.reputation: ContainsTarget expected true, served false")]
    [InlineData("microsoft.graph.physicalAddress", "city", "Type", "Edm.Int32",
        "microsoft.graph.physicalAddress.city: type expected Edm.String, served Edm.Int32")]
    public void Comparer_reports_exactly_the_one_changed_property_attribute(string type, string property, string attribute, string? value, string expected)
    {
        var modified = CsdlComparer.WithPropertyAttribute(Reference, type, property, attribute, value);

        var differences = CsdlComparer.Compare(Reference, modified);

        Assert.Equal([expected], differences);
    }

    [Fact]
    public void Comparer_reports_changed_enum_values_kinds_base_types_and_missing_members()
    {
        var document = XDocument.Parse(Reference);
        var edm = XNamespace.Get("http://docs.oasis-open.org/odata/ns/edm");
        var byName = document.Descendants().Where(e => e.Attribute("Name") is not null).ToList();
        var format = byName.Single(e => e.Name == edm + "EnumType" && (string?)e.Attribute("Name") == "contentFormat");
        format.Elements(edm + "Member").Single(m => (string?)m.Attribute("Name") == "html").SetAttributeValue("Value", "7");
        format.Elements(edm + "Member").Single(m => (string?)m.Attribute("Name") == "unknownFutureValue").Remove();
        byName.Single(e => e.Name == edm + "EntityType" && (string?)e.Attribute("Name") == "artifact").SetAttributeValue("Abstract", null);
        byName.Single(e => e.Name == edm + "EntityType" && (string?)e.Attribute("Name") == "articleIndicator").SetAttributeValue("BaseType", "self.artifact");

        var differences = CsdlComparer.Compare(Reference, document.ToString());

        Assert.Equal(
            [
                "microsoft.graph.security.articleIndicator: base type expected microsoft.graph.security.indicator, served microsoft.graph.security.artifact",
                "microsoft.graph.security.artifact: Abstract expected true, served false",
                "microsoft.graph.security.contentFormat.html: value expected 1, served 7",
                "microsoft.graph.security.contentFormat.unknownFutureValue: enum member missing from the served metadata",
            ],
            differences);
    }
}
