using System.CommandLine;
using Sightline.Commands;

var dataDir = new Option<string>("--data-dir")
{
    Description = "The data folder: the SQLite store and the instance's signing key.",
    DefaultValueFactory = _ => "data",
};
var root = new RootCommand("Sightline: a self-hosted threat intelligence service that speaks the Microsoft Graph threat intelligence API.")
{
    ServeCommand.Create(dataDir),
    TokenCommand.Create(dataDir),
    ImportCommand.Create(dataDir),
    DemoCommand.Create(),
    ReputationCommand.Create(dataDir),
};
try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e) when (e is not OperationCanceledException)
{
    // A clear sentence, not a stack trace: the commands are used by people and scripts alike.
    await Console.Error.WriteLineAsync($"error: {e.GetBaseException().Message}");
    return 3;
}
