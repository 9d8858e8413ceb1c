using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.Edm.Validation;

namespace Sightline.Tests.Metadata;

/// <summary>
/// Compares two CSDL documents structurally (after both are read by the OData EDM reader, so aliases,
/// attribute order and defaults do not matter) over the types the threat intelligence API exposes:
/// every type of <c>microsoft.graph.security</c> plus <c>microsoft.graph.entity</c>,
/// <c>microsoft.graph.physicalAddress</c> and the <c>microsoft.graph.security</c> entity.
/// </summary>
public static class CsdlComparer
{
    public const string SecurityNamespace = "microsoft.graph.security";

    private static readonly string[] _extraTypes = ["microsoft.graph.entity", "microsoft.graph.physicalAddress", "microsoft.graph.security"];

    public static IEdmModel Read(string csdl)
    {
        using var reader = XmlReader.Create(new StringReader(csdl));
        if (!CsdlReader.TryParse(reader, out var model, out IEnumerable<EdmError> errors))
        {
            throw new InvalidOperationException("The CSDL does not load: " + string.Join("; ", errors));
        }
        return model;
    }

    public static IReadOnlyList<string> Compare(string expectedCsdl, string actualCsdl) => Compare(Read(expectedCsdl), Read(actualCsdl));

    /// <summary>Every structural difference, as readable sentences; empty when the models agree.</summary>
    public static IReadOnlyList<string> Compare(IEdmModel expected, IEdmModel actual)
    {
        var differences = new List<string>();
        var expectedTypes = InScope(expected);
        var actualTypes = InScope(actual);

        foreach (var name in expectedTypes.Keys.Except(actualTypes.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            differences.Add($"{name}: missing from the served metadata");
        }
        foreach (var name in actualTypes.Keys.Except(expectedTypes.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            differences.Add($"{name}: served but not in the reference schema");
        }
        foreach (var name in expectedTypes.Keys.Intersect(actualTypes.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            CompareType(name, expectedTypes[name], actualTypes[name], differences);
        }
        return differences;
    }

    public static string Describe(IReadOnlyList<string> differences) =>
        differences.Count == 0 ? "no differences" : $"{differences.Count} difference(s):\n  " + string.Join("\n  ", differences);

    private static Dictionary<string, IEdmSchemaType> InScope(IEdmModel model) =>
        model.SchemaElements.OfType<IEdmSchemaType>()
            .Where(t => t.Namespace == SecurityNamespace || _extraTypes.Contains(t.FullName(), StringComparer.Ordinal))
            .ToDictionary(t => t.FullName(), StringComparer.Ordinal);

    private static void CompareType(string name, IEdmSchemaType expected, IEdmSchemaType actual, List<string> differences)
    {
        if (expected.TypeKind != actual.TypeKind)
        {
            differences.Add($"{name}: kind expected {expected.TypeKind}, served {actual.TypeKind}");
            return;
        }
        switch (expected)
        {
            case IEdmEnumType expectedEnum:
                CompareEnum(name, expectedEnum, (IEdmEnumType)actual, differences);
                break;
            case IEdmStructuredType expectedStructure:
                CompareStructure(name, expectedStructure, (IEdmStructuredType)actual, differences);
                break;
            default:
                break;
        }
    }

    private static void CompareEnum(string name, IEdmEnumType expected, IEdmEnumType actual, List<string> differences)
    {
        Check(differences, name, "underlying type", expected.UnderlyingType.FullName(), actual.UnderlyingType.FullName());
        Check(differences, name, "IsFlags", expected.IsFlags, actual.IsFlags);
        var expectedMembers = expected.Members.ToDictionary(m => m.Name, m => m.Value.Value, StringComparer.Ordinal);
        var actualMembers = actual.Members.ToDictionary(m => m.Name, m => m.Value.Value, StringComparer.Ordinal);
        foreach (var (member, value) in expectedMembers)
        {
            if (!actualMembers.TryGetValue(member, out var served))
            {
                differences.Add($"{name}.{member}: enum member missing from the served metadata");
            }
            else if (served != value)
            {
                differences.Add($"{name}.{member}: value expected {value}, served {served}");
            }
        }
        foreach (var member in actualMembers.Keys.Except(expectedMembers.Keys, StringComparer.Ordinal))
        {
            differences.Add($"{name}.{member}: enum member served but not in the reference schema");
        }
    }

    private static void CompareStructure(string name, IEdmStructuredType expected, IEdmStructuredType actual, List<string> differences)
    {
        Check(differences, name, "base type", BaseName(expected), BaseName(actual));
        Check(differences, name, "Abstract", expected.IsAbstract, actual.IsAbstract);
        Check(differences, name, "OpenType", expected.IsOpen, actual.IsOpen);
        if (expected is IEdmEntityType expectedEntity && actual is IEdmEntityType actualEntity)
        {
            Check(differences, name, "HasStream", expectedEntity.HasStream, actualEntity.HasStream);
            Check(differences, name, "declared key", KeyOf(expectedEntity), KeyOf(actualEntity));
            Check(differences, name, "key", KeyOf(expectedEntity.Key()), KeyOf(actualEntity.Key()));
        }

        var expectedProperties = expected.DeclaredProperties.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var actualProperties = actual.DeclaredProperties.ToDictionary(p => p.Name, StringComparer.Ordinal);
        foreach (var (property, e) in expectedProperties)
        {
            var where = $"{name}.{property}";
            if (!actualProperties.TryGetValue(property, out var a))
            {
                differences.Add($"{where}: {KindOf(e)} missing from the served metadata");
                continue;
            }
            if (e.PropertyKind != a.PropertyKind)
            {
                differences.Add($"{where}: expected a {KindOf(e)}, served a {KindOf(a)}");
                continue;
            }
            Check(differences, where, "type", TypeName(e.Type), TypeName(a.Type));
            Check(differences, where, "Nullable", Nullable(e.Type), Nullable(a.Type));
            if (e is IEdmNavigationProperty en && a is IEdmNavigationProperty an)
            {
                Check(differences, where, "ContainsTarget", en.ContainsTarget, an.ContainsTarget);
                Check(differences, where, "Partner", en.Partner?.Name, an.Partner?.Name);
            }
        }
        foreach (var property in actualProperties.Keys.Except(expectedProperties.Keys, StringComparer.Ordinal))
        {
            differences.Add($"{name}.{property}: {KindOf(actualProperties[property])} served but not in the reference schema");
        }
    }

    private static void Check<T>(List<string> differences, string where, string what, T expected, T actual)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            differences.Add($"{where}: {what} expected {Show(expected)}, served {Show(actual)}");
        }
    }

    private static string Show<T>(T value) => value switch
    {
        null => "(none)",
        bool b => b ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string? BaseName(IEdmStructuredType type) => (type.BaseType as IEdmSchemaType)?.FullName();

    private static string? KeyOf(IEdmEntityType type) => type.DeclaredKey is null ? null : KeyOf(type.DeclaredKey);

    private static string? KeyOf(IEnumerable<IEdmStructuralProperty>? key) => key is null ? null : string.Join(",", key.Select(p => p.Name));

    private static string KindOf(IEdmProperty property) =>
        property.PropertyKind == EdmPropertyKind.Navigation ? "navigation property" : "property";

    private static string TypeName(IEdmTypeReference type) => type.Definition is IEdmCollectionType collection
        ? $"Collection({TypeName(collection.ElementType)})"
        : type.Definition is IEdmSchemaType named ? named.FullName() : type.Definition.ToString() ?? "";

    /// <summary>A single value's nullability, or for a collection its elements'.</summary>
    private static bool Nullable(IEdmTypeReference type) =>
        type.Definition is IEdmCollectionType collection ? collection.ElementType.IsNullable : type.IsNullable;

    /// <summary>The reference document with one attribute of one property changed (for tests of this comparer).</summary>
    public static string WithPropertyAttribute(string csdl, string typeName, string propertyName, string attribute, string? value)
    {
        var document = XDocument.Parse(csdl);
        var edm = XNamespace.Get("http://docs.oasis-open.org/odata/ns/edm");
        var ns = typeName[..typeName.LastIndexOf('.')];
        var local = typeName[(typeName.LastIndexOf('.') + 1)..];
        var property = document.Descendants(edm + "Schema")
            .Where(s => (string?)s.Attribute("Namespace") == ns)
            .Elements().Where(t => (string?)t.Attribute("Name") == local)
            .Elements().Single(p => (p.Name == edm + "Property" || p.Name == edm + "NavigationProperty") && (string?)p.Attribute("Name") == propertyName);
        property.SetAttributeValue(attribute, value);
        return document.ToString();
    }
}
