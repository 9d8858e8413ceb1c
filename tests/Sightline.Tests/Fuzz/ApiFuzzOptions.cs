using System.Text;
using static Sightline.Tests.Fuzz.ApiFuzzCases;
using static Sightline.Tests.Fuzz.ApiFuzzVocabulary;

namespace Sightline.Tests.Fuzz;

/// <summary>Values of OData query options: valid ones, the documented grammar bent, and garbage.</summary>
internal static class ApiFuzzOptions
{
    public static string Value(Random rng, string name) => name.TrimStart('$', '%', '2', '4').ToLowerInvariant() switch
    {
        "filter" => Filter(rng, 0),
        "orderby" => OrderBy(rng),
        "select" => Select(rng),
        "expand" => Expand(rng),
        "top" or "skip" or "levels" or "index" => Pick(rng, Integers),
        "count" => Pick(rng, ["true", "false", "TRUE", "True", "maybe", "1", "0", "", "null", "true,false"]),
        "search" => Pick(rng, Searches),
        "skiptoken" => Pick(rng, ["", "abc", "-1", "0", "5", "99999999999999999999", "eyJ4IjoxfQ", "%%%", "'", "\u0000", "contoso.example", "YWJj", new string('z', 1000)]),
        "format" => Pick(rng, ["json", "xml", "atom", "application/json", "application/json;odata.metadata=full", "text/csv", "", "garbage"]),
        _ => Pick(rng, ["", "1", "x", "'a'", "true", Filter(rng, 2)]),
    };

    /// <summary>A value escaped the way one client or another writes it (always fully, '+' for spaces, or not at all).</summary>
    public static string Encode(Random rng, string value) => rng.Next(4) switch
    {
        0 => Uri.EscapeDataString(value),
        1 => value.Replace(" ", "+", StringComparison.Ordinal).Replace("&", "%26", StringComparison.Ordinal),
        2 => value.Replace("&", "%26", StringComparison.Ordinal).Replace("=", "%3D", StringComparison.Ordinal),
        _ => value,
    };

    public static string Filter(Random rng, int depth)
    {
        if (depth > 4)
        {
            return Comparison(rng);
        }
        var filter = rng.Next(14) switch
        {
            0 or 1 => Comparison(rng),
            2 => $"{Pick(rng, Functions)}({string.Join(",", Enumerable.Range(0, rng.Next(0, 4)).Select(_ => rng.Next(2) == 0 ? Pick(rng, Properties) : Pick(rng, Literals)))}){Tail(rng)}",
            3 => $"{Filter(rng, depth + 1)} {Pick(rng, ["and", "or", "AND", "and not", "or or", "&&"])} {Filter(rng, depth + 1)}",
            4 => Pick(rng, ["not ", "not(", "NOT ", "-"]) + Filter(rng, depth + 1) + (rng.Next(2) == 0 ? ")" : ""),
            5 => "(" + Filter(rng, depth + 1) + ")",
            6 => $"{Pick(rng, Properties)} in ({string.Join(",", Enumerable.Range(0, rng.Next(0, 6)).Select(_ => Pick(rng, Literals)))})",
            7 => $"{Pick(rng, Properties)}/{Pick(rng, ["any", "all", "ANY", "count", "$count"])}({Pick(rng, ["", "t:t eq 'x'", "t: t/id eq 'x'", "x:y eq 1", "t:", ":", "t:t/any(u:u eq t)"])}){Tail(rng)}",
            8 => $"{Pick(rng, ["cast", "isof"])}({Pick(rng, Properties)},{Pick(rng, ["Edm.String", "Edm.Int32", "'Edm.Int32'", "microsoft.graph.security.hostname", "Foo.Bar", ""])}){Tail(rng)}",
            9 => Nested(rng),
            10 => Broken(rng, Comparison(rng)),
            11 => string.Join(" and ", Enumerable.Range(0, Pick(rng, [20, 99, 100, 150, 250, 400])).Select(i => $"id eq '{i}'")),
            12 => $"{Pick(rng, Properties)} in ({string.Join(",", Enumerable.Range(0, Pick(rng, [50, 199, 250, 500])).Select(i => $"'{i}'"))})",
            _ => string.Join(" ", Enumerable.Range(0, rng.Next(1, 8)).Select(_ => rng.Next(4) switch
            {
                0 => Pick(rng, Properties),
                1 => Pick(rng, Operators),
                2 => Pick(rng, Literals),
                _ => Pick(rng, ["(", ")", ",", "/", "and", "or", "not", "'", "\"", "$", "@", "?", "*"]),
            })),
        };
        return rng.Next(12) == 0 ? Mutate(rng, filter) : filter;
    }

    private static string Comparison(Random rng) => $"{Pick(rng, Properties)} {Pick(rng, Operators)} {Pick(rng, Literals)}";

    private static string Tail(Random rng) => rng.Next(3) switch
    {
        0 => "",
        1 => $" {Pick(rng, Operators)} {Pick(rng, Literals)}",
        _ => " eq true",
    };

    /// <summary>Deep nesting, up to the 4,096-character $filter bound and past it.</summary>
    private static string Nested(Random rng)
    {
        var depth = Pick(rng, [10, 100, 400, 900, 1500, 2100, 3000]);
        return rng.Next(3) switch
        {
            0 => new string('(', depth) + Comparison(rng) + new string(')', depth),
            1 => string.Concat(Enumerable.Repeat("not ", depth / 2)) + Comparison(rng),
            _ => string.Concat(Enumerable.Repeat("tolower(", depth / 8)) + "id" + new string(')', depth / 8) + " eq 'x'",
        };
    }

    /// <summary>Breaks a valid expression: unbalanced parentheses or quotes, a token dropped or doubled.</summary>
    private static string Broken(Random rng, string filter) => rng.Next(6) switch
    {
        0 => "(" + filter,
        1 => filter + ")",
        2 => filter.Replace("'", "", StringComparison.Ordinal) + "'",
        3 => string.Join(" ", filter.Split(' ').Where((_, i) => i != 1)),
        4 => filter + " " + filter,
        _ => filter + Pick(rng, [" and", " or", " eq", " not", ",", " in", "(", " /"]),
    };

    private static string OrderBy(Random rng) => string.Join(Pick(rng, [",", ", ", ",,", " , "]), Enumerable.Range(0, rng.Next(1, 5)).Select(_ =>
        Pick(rng, Properties) + Pick(rng, ["", " asc", " desc", " DESC", " sideways", " asc desc", "  desc", " desc,"])));

    private static string Select(Random rng)
    {
        var items = Enumerable.Range(0, rng.Next(1, 6)).Select(_ => rng.Next(5) == 0 ? Pick(rng, ["*", "", "id,id", "passiveDns($select=id)", "@odata.type", "microsoft.graph.security.hostname/registrar", "$ref"]) : Pick(rng, Properties));
        return string.Join(",", items);
    }

    private static string Expand(Random rng) => Pick(rng, [
        "indicators", "mostRecentSslCertificate", "components", "artifact", "*", "indicators/$ref", "foo", "", ",", "indicators,indicators",
        "indicators($expand=artifact)", "indicators($select=id;$top=1)", "indicators($levels=max)", "indicators($filter=id eq 'x')",
        "indicators(", "(", "indicators($expand=artifact($expand=host))", "mostRecentSslCertificate($select=sha1)", "host", "parentHost,childHost",
        new StringBuilder().Insert(0, "indicators($expand=", 30).ToString(),
    ]);
}
