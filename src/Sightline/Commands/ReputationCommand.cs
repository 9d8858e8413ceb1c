using System.CommandLine;
using Sightline.Data;
using Sightline.Data.Reputation;

namespace Sightline.Commands;

/// <summary>
/// <c>reputation override HOST --class C --reason R</c>, <c>reputation clear HOST</c>, <c>reputation recompute</c>: analyst
/// overrides and recomputing every host's stored reputation, on the store <c>serve --data-dir</c> uses. Exit code 0 on
/// success, 1 when there was nothing to clear, 2 for invalid input.
/// </summary>
internal static class ReputationCommand
{
    public static Option<string?> RulesOption() => new("--reputation-rules")
    {
        Description = $"A reputation rule set file (JSON) laid over the built-in one; default: {ReputationRuleSet.FileName} in the data folder when present.",
    };

    public static Command Create(Option<string> dataDir)
    {
        var command = new Command("reputation", "Analyst overrides and recomputing host reputations.");
        command.Subcommands.Add(Override(dataDir));
        command.Subcommands.Add(Clear(dataDir));
        command.Subcommands.Add(Recompute(dataDir));
        return command;
    }

    private static Command Override(Option<string> dataDir)
    {
        var host = new Argument<string>("host") { Description = "The host name or IP address." };
        var cls = new Option<string>("--class") { Description = "malicious, suspicious, neutral or unknown.", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why: shown in the reputation as the override rule's description.", Required = true };
        var author = new Option<string?>("--author") { Description = "Who decided (default: the user running the command)." };
        return Store(new Command("override", "Force a host's classification, with a reason; it wins over every rule.") { host, cls, reason, author }, dataDir,
            async (parse, db, engine, cancellationToken) =>
            {
                if (!ReputationOverrides.TryParseClass(parse.GetValue(cls), out var classification) || ReputationOverrides.NormalizeHost(parse.GetValue(host)!) is null)
                {
                    await Console.Error.WriteLineAsync("error: --class must be malicious, suspicious, neutral or unknown, and HOST a host name or IP address");
                    return 2;
                }
                var saved = await ReputationOverrides.SetAsync(db, parse.GetValue(host)!, classification, parse.GetValue(reason)!,
                    parse.GetValue(author) ?? Environment.UserName, cancellationToken);
                Console.WriteLine($"{saved.HostId}: overridden as {ReputationOverrides.ClassName(saved.Classification)}");
                Console.WriteLine(await engine.RecomputeAsync(db, cancellationToken));
                return 0;
            });
    }

    private static Command Clear(Option<string> dataDir)
    {
        var host = new Argument<string>("host") { Description = "The host name or IP address." };
        return Store(new Command("clear", "Remove a host's analyst override; its rules decide again.") { host }, dataDir,
            async (parse, db, engine, cancellationToken) =>
            {
                if (!await ReputationOverrides.ClearAsync(db, parse.GetValue(host)!, cancellationToken))
                {
                    await Console.Error.WriteLineAsync($"{parse.GetValue(host)}: no override to clear");
                    return 1;
                }
                Console.WriteLine(await engine.RecomputeAsync(db, cancellationToken));
                return 0;
            });
    }

    private static Command Recompute(Option<string> dataDir) =>
        Store(new Command("recompute", "Recompute and store every host's reputation."), dataDir, async (_, db, engine, cancellationToken) =>
        {
            Console.WriteLine(await engine.RecomputeAsync(db, cancellationToken));
            return 0;
        });

    /// <summary>Adds the store options to a subcommand and runs its action on the prepared store with the chosen rule set.</summary>
    private static Command Store(Command command, Option<string> dataDir, Func<ParseResult, SightlineDb, ReputationEngine, CancellationToken, Task<int>> action)
    {
        var postgres = new Option<string?>("--postgres") { Description = "Use PostgreSQL (connection string) instead of the SQLite file in the data folder." };
        var rules = RulesOption();
        command.Options.Add(dataDir);
        command.Options.Add(postgres);
        command.Options.Add(rules);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = Path.GetFullPath(parse.GetValue(dataDir)!);
            Directory.CreateDirectory(folder);
            var engine = new ReputationEngine(ReputationRuleSet.Resolve(parse.GetValue(rules), folder));
            await using var db = StoreOptions.For(folder, parse.GetValue(postgres)).CreateContext();
            await StoreSetup.PrepareAsync(db, cancellationToken);
            return await action(parse, db, engine, cancellationToken);
        });
        return command;
    }
}
