using System.Xml;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.Edm.Validation;

namespace Sightline.Edm;

/// <summary>
/// The EDM model, loaded from Microsoft's own CSDL for this API (shipped as a resource), so the served
/// <c>$metadata</c>, the query parser and the reference schema cannot drift apart.
/// </summary>
public static class GraphModel
{
    public const string Namespace = "microsoft.graph.security";

    public static IEdmModel Model { get; } = Load();

    public static IEdmEntityType ThreatIntelligence { get; } = EntityType("threatIntelligence");

    public static IEdmEntityType EntityType(string name) =>
        (IEdmEntityType)Model.FindDeclaredType($"{Namespace}.{name}")!;

    private static IEdmModel Load()
    {
        using var stream = typeof(GraphModel).Assembly.GetManifestResourceStream("Sightline.Edm.csdl.xml")
            ?? throw new InvalidOperationException("The CSDL resource is missing from the assembly.");
        using var reader = XmlReader.Create(stream);
        if (!CsdlReader.TryParse(reader, out var model, out IEnumerable<EdmError> errors))
        {
            throw new InvalidOperationException("The CSDL resource does not load: " + string.Join("; ", errors));
        }
        return model;
    }

    public static string WriteMetadata()
    {
        using var text = new StringWriter();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) }))
        {
            if (!CsdlWriter.TryWriteCsdl(Model, writer, CsdlTarget.OData, out var errors))
            {
                throw new InvalidOperationException("The model does not serialise: " + string.Join("; ", errors));
            }
        }
        return text.ToString();
    }
}
