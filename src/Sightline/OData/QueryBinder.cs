using System.Linq.Expressions;
using System.Reflection;
using Microsoft.OData;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;

namespace Sightline.OData;

/// <summary>
/// Turns parsed <c>$filter</c> and <c>$orderby</c> trees into LINQ expressions over the stored entity, using
/// the property paths a <see cref="GraphResource{T}"/> declares, so EF Core runs them in SQL. Anything the
/// resource does not map (or an operator this server does not translate) is a 400, never a query in memory.
/// </summary>
public sealed class QueryBinder<T>(GraphResource<T> resource) where T : class
{
    private readonly ParameterExpression _item = Expression.Parameter(typeof(T), "item");

    public Expression<Func<T, bool>> BindFilter(FilterClause filter) => BindCondition(filter.Expression);

    /// <summary>One condition of a <c>$filter</c>, such as one operand of its top-level <c>and</c>.</summary>
    public Expression<Func<T, bool>> BindCondition(QueryNode condition) =>
        Expression.Lambda<Func<T, bool>>(AsBool(Bind(condition)), _item);

    public IQueryable<T> ApplyOrderBy(IQueryable<T> source, OrderByClause? clause)
    {
        var first = true;
        for (; clause is not null; clause = clause.ThenBy)
        {
            var body = Bind(clause.Expression);
            var lambda = Expression.Lambda(body, _item);
            var method = (first, clause.Direction) switch
            {
                (true, OrderByDirection.Ascending) => nameof(Queryable.OrderBy),
                (true, _) => nameof(Queryable.OrderByDescending),
                (false, OrderByDirection.Ascending) => nameof(Queryable.ThenBy),
                _ => nameof(Queryable.ThenByDescending),
            };
            source = (IQueryable<T>)source.Provider.CreateQuery(Expression.Call(typeof(Queryable), method,
                [typeof(T), body.Type], source.Expression, Expression.Quote(lambda)));
            first = false;
        }
        return source;
    }

    /// <summary>The stored expression for a Graph property path such as <c>parentHost/id</c>.</summary>
    public Expression BindPath(string path)
    {
        var lambda = resource.FindPath(path)
            ?? throw GraphException.BadRequest($"The property '{path}' cannot be used in a query on {resource.TypeName}.");
        return new Rebinder(lambda.Parameters[0], _item).Visit(lambda.Body);
    }

    public ParameterExpression Parameter => _item;

    private Expression Bind(QueryNode node) => node switch
    {
        ConvertNode convert => Bind(convert.Source),
        ConstantNode constant => Expression.Constant(ConstantValue(constant.Value)),
        SingleValuePropertyAccessNode or SingleComplexNode or SingleNavigationNode => BindPath(PathOf(node)),
        BinaryOperatorNode binary => BindBinary(binary),
        UnaryOperatorNode { OperatorKind: UnaryOperatorKind.Not } unary => Expression.Not(AsBool(Bind(unary.Operand))),
        InNode inNode => BindIn(inNode),
        SingleValueFunctionCallNode call => BindFunction(call),
        _ => throw GraphException.BadRequest($"The query expression '{node.Kind}' is not supported here."),
    };

    private static object? ConstantValue(object? value) => value switch
    {
        ODataEnumValue e => e.Value,
#pragma warning disable CS0618 // ODL 8 still hands out its own Date for date literals.
        Microsoft.OData.Edm.Date d => new DateOnly(d.Year, d.Month, d.Day),
#pragma warning restore CS0618
        _ => value,
    };

    private static string PathOf(QueryNode node) =>
        QueryPaths.Of(node) ?? throw GraphException.BadRequest($"The property path '{node.Kind}' is not supported here.");

    private Expression BindBinary(BinaryOperatorNode node)
    {
        if (node.OperatorKind is BinaryOperatorKind.And or BinaryOperatorKind.Or)
        {
            var l = AsBool(Bind(node.Left));
            var r = AsBool(Bind(node.Right));
            return node.OperatorKind == BinaryOperatorKind.And ? Expression.AndAlso(l, r) : Expression.OrElse(l, r);
        }
        var (left, right) = Align(Bind(node.Left), Bind(node.Right));
        var type = Nullable.GetUnderlyingType(left.Type) ?? left.Type;
        if (type == typeof(string) && node.OperatorKind is not (BinaryOperatorKind.Equal or BinaryOperatorKind.NotEqual))
        {
            var compare = Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, left, right);
            return Compare(node.OperatorKind, compare, Expression.Constant(0));
        }
        if (type.IsEnum && node.OperatorKind is not (BinaryOperatorKind.Equal or BinaryOperatorKind.NotEqual))
        {
            throw GraphException.BadRequest("Enumeration properties can only be compared with 'eq' and 'ne'.");
        }
        return Compare(node.OperatorKind, left, right);
    }

    private static Expression Compare(BinaryOperatorKind kind, Expression left, Expression right) => kind switch
    {
        BinaryOperatorKind.Equal => Expression.Equal(left, right),
        BinaryOperatorKind.NotEqual => Expression.NotEqual(left, right),
        BinaryOperatorKind.GreaterThan => Expression.GreaterThan(left, right),
        BinaryOperatorKind.GreaterThanOrEqual => Expression.GreaterThanOrEqual(left, right),
        BinaryOperatorKind.LessThan => Expression.LessThan(left, right),
        BinaryOperatorKind.LessThanOrEqual => Expression.LessThanOrEqual(left, right),
        _ => throw GraphException.BadRequest($"The operator '{kind}' is not supported here."),
    };

    private Expression BindIn(InNode node)
    {
        var left = Bind(node.Left);
        if (node.Right is not CollectionConstantNode list)
        {
            throw GraphException.BadRequest("The right side of 'in' must be a list of literals.");
        }
        var values = list.Collection.Select(c => Coerce(ConstantValue(c.Value), left.Type)).ToList();
        var typed = Array.CreateInstance(left.Type, values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            typed.SetValue(values[i], i);
        }
        var contains = typeof(Enumerable).GetMethods()
            .First(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2)
            .MakeGenericMethod(left.Type);
        return Expression.Call(contains, Expression.Constant(typed), left);
    }

    private Expression BindFunction(SingleValueFunctionCallNode call)
    {
        var args = call.Parameters.Select(Bind).ToList();
        MethodInfo StringMethod(string name, params Type[] types) => typeof(string).GetMethod(name, types)!;
        return (call.Name.ToLowerInvariant(), args.Count) switch
        {
            ("startswith", 2) => Expression.Call(AsString(args[0]), StringMethod(nameof(string.StartsWith), typeof(string)), AsString(args[1])),
            ("endswith", 2) => Expression.Call(AsString(args[0]), StringMethod(nameof(string.EndsWith), typeof(string)), AsString(args[1])),
            ("contains", 2) => Expression.Call(AsString(args[0]), StringMethod(nameof(string.Contains), typeof(string)), AsString(args[1])),
            ("tolower", 1) => Expression.Call(AsString(args[0]), StringMethod(nameof(string.ToLower), Type.EmptyTypes)),
            ("toupper", 1) => Expression.Call(AsString(args[0]), StringMethod(nameof(string.ToUpper), Type.EmptyTypes)),
            ("trim", 1) => Expression.Call(AsString(args[0]), StringMethod(nameof(string.Trim), Type.EmptyTypes)),
            _ => throw GraphException.BadRequest($"The function '{call.Name}' is not supported here."),
        };
    }

    private static Expression AsString(Expression e) =>
        e.Type == typeof(string) ? e : throw GraphException.BadRequest("String functions need string arguments.");

    private static Expression AsBool(Expression e) =>
        e.Type == typeof(bool) ? e
        : e.Type == typeof(bool?) ? Expression.Equal(e, Expression.Constant(true, typeof(bool?)))
        : throw GraphException.BadRequest("The $filter expression must be a condition.");

    /// <summary>Brings a property and a literal to one type (nullable, enum by name, numeric widening).</summary>
    private static (Expression, Expression) Align(Expression left, Expression right)
    {
        if (right is ConstantExpression rc && left is not ConstantExpression)
        {
            return (left, Expression.Constant(Coerce(rc.Value, left.Type), left.Type));
        }
        if (left is ConstantExpression lc && right is not ConstantExpression)
        {
            return (Expression.Constant(Coerce(lc.Value, right.Type), right.Type), right);
        }
        if (left.Type != right.Type)
        {
            var target = Nullable.GetUnderlyingType(left.Type) is not null ? left.Type : right.Type;
            return (Expression.Convert(left, target), Expression.Convert(right, target));
        }
        return (left, right);
    }

    private static object? Coerce(object? value, Type target)
    {
        if (value is null)
        {
            if (target.IsValueType && Nullable.GetUnderlyingType(target) is null)
            {
                throw GraphException.BadRequest("This property cannot be null.");
            }
            return null;
        }
        var type = Nullable.GetUnderlyingType(target) ?? target;
        try
        {
            var coerced = type switch
            {
                _ when type.IsInstanceOfType(value) => value,
                _ when type.IsEnum => Enum.Parse(type, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!, ignoreCase: true),
                _ when type == typeof(DateTimeOffset) && value is DateOnly d => new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                _ when type == typeof(DateTimeOffset) && value is string s => DateTimeOffset.Parse(s, System.Globalization.CultureInfo.InvariantCulture),
                _ => Convert.ChangeType(value, type, System.Globalization.CultureInfo.InvariantCulture),
            };
            // Stored timestamps are UTC; a literal with another offset is compared as the same instant.
            return coerced is DateTimeOffset instant ? instant.ToUniversalTime() : coerced;
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or ArgumentException or OverflowException)
        {
            throw GraphException.BadRequest($"The literal '{value}' is not a valid {type.Name} value.");
        }
    }

    private sealed class Rebinder(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
