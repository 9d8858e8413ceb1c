using System.Globalization;
using System.Text;

namespace Sightline.Parsers.Stix;

/// <summary>
/// One equality test of a STIX pattern, e.g. <c>domain-name:value = 'evil.example'</c>.
/// <see cref="Observation"/> is the 1-based number of the bracketed observation expression it came from.
/// </summary>
internal sealed record StixObservable(string ObjectType, string Property, string Value, int Observation);

/// <summary>What a pattern yields: its equality observables and notes on anything left out.</summary>
internal sealed record StixPatternResult(IReadOnlyList<StixObservable> Observables, IReadOnlyList<string> Notes);

/// <summary>
/// A small recursive-descent parser for STIX patterns that keeps the equality comparisons (joined by AND, OR or
/// FOLLOWEDBY, across any number of observation expressions) and notes every other comparison instead of failing
/// on it. A syntax error yields no observables and a note saying where. Property paths are written back in a
/// normal form: dotted, a component quoted only when it is not a plain identifier (<c>hashes.'SHA-256'</c>,
/// <c>hashes.MD5</c> whether or not the source quoted it), list indexes as <c>[*]</c> or <c>[0]</c>.
/// Values of well-known properties are normalised (domain names lower-case without trailing dot, hashes
/// lower-case, host/URL/email values trimmed); others are kept verbatim.
/// </summary>
internal sealed class StixPatternParser
{
    private readonly List<PatternToken> _tokens;
    private readonly List<StixObservable> _observables = [];
    private readonly List<string> _notes = [];
    private int _index;
    private int _observation;

    private StixPatternParser(List<PatternToken> tokens) => _tokens = tokens;

    private PatternToken Current => _tokens[_index];

    public static StixPatternResult Parse(string pattern)
    {
        try
        {
            var parser = new StixPatternParser(StixPatternTokenizer.Tokenize(pattern));
            parser.ParseObservationExpressions();
            parser.Expect(PatternTokenKind.End, "end of pattern");
            return new StixPatternResult(parser._observables, parser._notes);
        }
        catch (PatternSyntaxException ex)
        {
            return new StixPatternResult([], [$"pattern syntax error at offset {ex.Offset.ToString(CultureInfo.InvariantCulture)}: {ex.Message}"]);
        }
    }

    // ObservationExpressions := Observation ((AND | OR | FOLLOWEDBY) Observation)*; precedence does not matter here
    // because every equality is kept whichever way the expression groups.
    private void ParseObservationExpressions()
    {
        ParseObservation();
        while (Current.IsWord("AND") || Current.IsWord("OR") || Current.IsWord("FOLLOWEDBY"))
        {
            _index++;
            ParseObservation();
        }
    }

    private void ParseObservation()
    {
        if (Accept(PatternTokenKind.LeftParen))
        {
            ParseObservationExpressions();
            Expect(PatternTokenKind.RightParen, "')'");
        }
        else
        {
            Expect(PatternTokenKind.LeftBracket, "'[' or '('");
            _observation++;
            ParseComparisonExpression();
            Expect(PatternTokenKind.RightBracket, "']'");
        }
        ParseQualifiers();
    }

    private void ParseQualifiers()
    {
        while (true)
        {
            if (Current.IsWord("WITHIN"))
            {
                _index++;
                Expect(PatternTokenKind.Number, "a number of seconds");
                ExpectWord("SECONDS");
            }
            else if (Current.IsWord("REPEATS"))
            {
                _index++;
                Expect(PatternTokenKind.Number, "a repeat count");
                ExpectWord("TIMES");
            }
            else if (Current.IsWord("START"))
            {
                _index++;
                Expect(PatternTokenKind.Timestamp, "a t'...' timestamp");
                ExpectWord("STOP");
                Expect(PatternTokenKind.Timestamp, "a t'...' timestamp");
            }
            else
            {
                return;
            }
        }
    }

    private void ParseComparisonExpression()
    {
        ParseComparison();
        while (Current.IsWord("AND") || Current.IsWord("OR"))
        {
            _index++;
            ParseComparison();
        }
    }

    private void ParseComparison()
    {
        if (Accept(PatternTokenKind.LeftParen))
        {
            ParseComparisonExpression();
            Expect(PatternTokenKind.RightParen, "')'");
            return;
        }
        if (Current.IsWord("EXISTS"))
        {
            _index++;
            var (existsType, existsPath) = ParseObjectPath();
            _notes.Add($"EXISTS {existsType}:{existsPath} is not an equality; comparison skipped");
            return;
        }
        var (objectType, property) = ParseObjectPath();
        var negated = AcceptWord("NOT");
        var op = ParseOperator();
        var value = ParseOperand(op);
        if (op == "=" && !negated)
        {
            _observables.Add(new StixObservable(objectType, property, Normalize(objectType, property, value), _observation));
        }
        else
        {
            _notes.Add($"unsupported operator {(negated ? "NOT " : "")}{op} on {objectType}:{property}; comparison skipped");
        }
    }

    private string ParseOperator()
    {
        var token = Current;
        if (token.Kind == PatternTokenKind.Operator)
        {
            _index++;
            return token.Text;
        }
        if (token.Kind == PatternTokenKind.Word && token.Text is "LIKE" or "MATCHES" or "IN" or "ISSUBSET" or "ISSUPERSET")
        {
            _index++;
            return token.Text;
        }
        throw new PatternSyntaxException(token.Offset, $"expected a comparison operator, found '{token.Text}'");
    }

    private string ParseOperand(string op)
    {
        if (op != "IN")
        {
            return ParsePrimitive();
        }
        Expect(PatternTokenKind.LeftParen, "'(' after IN");
        var values = new List<string> { ParsePrimitive() };
        while (Accept(PatternTokenKind.Comma))
        {
            values.Add(ParsePrimitive());
        }
        Expect(PatternTokenKind.RightParen, "')' closing the IN list");
        return string.Join(",", values);
    }

    private string ParsePrimitive()
    {
        var token = Current;
        if (token.Kind is PatternTokenKind.String or PatternTokenKind.Number or PatternTokenKind.Timestamp
            or PatternTokenKind.Hex or PatternTokenKind.Binary || token.IsWord("true") || token.IsWord("false"))
        {
            _index++;
            return token.Text;
        }
        throw new PatternSyntaxException(token.Offset, $"expected a value, found '{token.Text}'");
    }

    // ObjectPath := objectType ':' component ('.' component | '[' (int | '*') ']')*
    private (string ObjectType, string Property) ParseObjectPath()
    {
        var typeToken = Expect(PatternTokenKind.Word, "an object type");
        Expect(PatternTokenKind.Colon, "':' after the object type");
        var path = new StringBuilder();
        AppendComponent(path, ExpectComponent());
        while (true)
        {
            if (Accept(PatternTokenKind.Dot))
            {
                path.Append('.');
                AppendComponent(path, ExpectComponent());
            }
            else if (Current.Kind == PatternTokenKind.LeftBracket)
            {
                _index++;
                var index = Current.Kind is PatternTokenKind.Star or PatternTokenKind.Number
                    ? _tokens[_index++].Text
                    : throw new PatternSyntaxException(Current.Offset, "expected a list index or '*'");
                Expect(PatternTokenKind.RightBracket, "']' closing the list index");
                path.Append('[').Append(index).Append(']');
            }
            else
            {
                return (typeToken.Text, path.ToString());
            }
        }
    }

    private string ExpectComponent()
    {
        var token = Current;
        if (token.Kind is PatternTokenKind.Word or PatternTokenKind.String)
        {
            _index++;
            return token.Text;
        }
        throw new PatternSyntaxException(token.Offset, $"expected a property name, found '{token.Text}'");
    }

    private static void AppendComponent(StringBuilder path, string component)
    {
        var plain = component.Length > 0 && component.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
        if (plain)
        {
            path.Append(component);
        }
        else
        {
            path.Append('\'').Append(component.Replace("'", "\\'", StringComparison.Ordinal)).Append('\'');
        }
    }

    private static string Normalize(string objectType, string property, string value)
    {
        if (property.StartsWith("hashes.", StringComparison.Ordinal))
        {
            return value.Trim().ToLowerInvariant();
        }
        if (!string.Equals(property, "value", StringComparison.Ordinal))
        {
            return value;
        }
        return objectType switch
        {
            "domain-name" => value.Trim().TrimEnd('.').ToLowerInvariant(),
            "ipv6-addr" => value.Trim().ToLowerInvariant(),
            "ipv4-addr" or "url" or "email-addr" => value.Trim(),
            _ => value,
        };
    }

    private bool Accept(PatternTokenKind kind)
    {
        if (Current.Kind != kind)
        {
            return false;
        }
        _index++;
        return true;
    }

    private bool AcceptWord(string keyword)
    {
        if (!Current.IsWord(keyword))
        {
            return false;
        }
        _index++;
        return true;
    }

    private PatternToken Expect(PatternTokenKind kind, string what)
    {
        var token = Current;
        if (token.Kind != kind)
        {
            var found = token.Kind == PatternTokenKind.End ? "end of pattern" : $"'{token.Text}'";
            throw new PatternSyntaxException(token.Offset, $"expected {what}, found {found}");
        }
        _index++;
        return token;
    }

    private void ExpectWord(string keyword)
    {
        if (!AcceptWord(keyword))
        {
            throw new PatternSyntaxException(Current.Offset, $"expected {keyword}, found '{Current.Text}'");
        }
    }
}
