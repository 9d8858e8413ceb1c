using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Sightline.Data;

namespace Sightline.Floor;

/// <summary>
/// The SQL of a Graph route exactly as EF Core runs it on this provider: captured once by running the route's own
/// LINQ and terminal operator (<c>FirstOrDefaultAsync</c>, <c>AnyAsync</c>, <c>ToListAsync</c>) with sentinel arguments
/// on a context whose interceptor records the command and answers it with no rows; the sentinels tell the parameters
/// apart. Then run through a plain ADO.NET command and reader on a connection of the same provider and connection string.
/// </summary>
public sealed class FloorStatements(StoreOptions store)
{
    private readonly ConcurrentDictionary<string, Statement> _captured = new(StringComparer.Ordinal);
    private readonly DbProviderFactory _factory = store.IsPostgres ? Npgsql.NpgsqlFactory.Instance : Microsoft.Data.Sqlite.SqliteFactory.Instance;
    private static readonly Func<long, DateTimeOffset> _fromBinary = new DateTimeOffsetToBinaryConverter().ConvertFromProviderExpression.Compile();

    public bool IsPostgres { get; } = store.IsPostgres;

    /// <summary>The captured SQL of a statement (for tests and the bench report).</summary>
    public string? SqlOf(string name) => _captured.TryGetValue(name, out var s) ? s.Sql : null;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = _factory.CreateConnection()!;
        connection.ConnectionString = store.ConnectionString;
        await connection.OpenAsync(cancellationToken);
        if (!IsPostgres)
        {
            // The same connection settings as the route's (its DbContext applies them on open).
            SqliteTuning.Apply(connection);
        }
        return connection;
    }

    /// <summary>A command for <paramref name="name"/>, its SQL captured on first use by running <paramref name="run"/> with <paramref name="sentinels"/>.</summary>
    public async Task<DbCommand> CommandAsync(DbConnection connection, string name, Func<SightlineDb, object[], Task> run, object[] sentinels, params object[] arguments)
    {
        if (!_captured.TryGetValue(name, out var statement))
        {
            statement = _captured.GetOrAdd(name, await CaptureAsync(run, sentinels));
        }
        var command = connection.CreateCommand();
        command.CommandText = statement.Sql;
        foreach (var (parameterName, argument, pattern) in statement.Parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = parameterName;
            parameter.Value = pattern is null ? arguments[argument] : pattern.Value.Prefix + EscapeLike((string)arguments[argument]) + pattern.Value.Suffix;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private async Task<Statement> CaptureAsync(Func<SightlineDb, object[], Task> run, object[] sentinels)
    {
        var capture = new CaptureInterceptor();
        await using (var db = store.CreateContext(capture))
        {
            try
            {
                await run(db, sentinels);
            }
            catch (InvalidOperationException) when (capture.Sql is not null)
            {
                // An operator that needs a row (AnyAsync) complains about the empty answer; the command is what we wanted.
            }
        }
        var parameters = new List<(string, int, (string, string)?)>();
        foreach (var (name, value) in capture.Parameters)
        {
            var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
            var index = Array.FindIndex(sentinels, s => Convert.ToString(s, CultureInfo.InvariantCulture) == text);
            if (index >= 0)
            {
                parameters.Add((name, index, null));
                continue;
            }
            // A LIKE pattern built from an argument (PostgreSQL's Contains): keep what surrounds it, escape the argument as EF Core does.
            index = Array.FindIndex(sentinels, s => s is string t && text.Contains(t, StringComparison.Ordinal));
            if (index < 0)
            {
                throw new InvalidOperationException($"The parameter {name} ('{text}') of the captured statement matches no argument.");
            }
            var at = text.IndexOf((string)sentinels[index], StringComparison.Ordinal);
            parameters.Add((name, index, (text[..at], text[(at + ((string)sentinels[index]).Length)..])));
        }
        return new Statement(capture.Sql ?? throw new InvalidOperationException("The query ran no command."), [.. parameters]);
    }

    /// <summary>A stored date: UTC <c>timestamptz</c> on PostgreSQL, EF Core's binary form (a long) on SQLite.</summary>
    public DateTimeOffset Date(DbDataReader reader, int ordinal) =>
        IsPostgres ? reader.GetFieldValue<DateTimeOffset>(ordinal) : _fromBinary(reader.GetInt64(ordinal));

    public DateTimeOffset? NullableDate(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Date(reader, ordinal);

    /// <summary>A date inside a JSON column: the same binary long on SQLite, ISO text on PostgreSQL.</summary>
    public static DateTimeOffset? JsonDate(System.Text.Json.JsonElement value) => value.ValueKind switch
    {
        System.Text.Json.JsonValueKind.Number => _fromBinary(value.GetInt64()),
        System.Text.Json.JsonValueKind.String => value.GetDateTimeOffset(),
        _ => null,
    };

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private sealed record Statement(string Sql, (string Name, int Argument, (string Prefix, string Suffix)? Pattern)[] Parameters);

    /// <summary>Records the first command and answers it with an empty result instead of running it.</summary>
    private sealed class CaptureInterceptor : DbCommandInterceptor
    {
        public string? Sql { get; private set; }

        public List<(string Name, object? Value)> Parameters { get; } = [];

        private void Record(DbCommand command)
        {
            if (Sql is not null)
            {
                return;
            }
            Sql = command.CommandText;
            foreach (DbParameter p in command.Parameters)
            {
                Parameters.Add((p.ParameterName, p.Value));
            }
        }

        private static DbDataReader Empty() => new DataTable().CreateDataReader();

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Record(command);
            return InterceptionResult<DbDataReader>.SuppressWithResult(Empty());
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(InterceptionResult<DbDataReader>.SuppressWithResult(Empty()));
        }
    }
}
