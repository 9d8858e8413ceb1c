using System.CommandLine;
using Sightline.Auth;

namespace Sightline.Commands;

internal static class TokenCommand
{
    public static Command Create(Option<string> dataDir)
    {
        var hours = new Option<double>("--hours") { Description = "Lifetime in hours.", DefaultValueFactory = _ => 12 };
        var subject = new Option<string>("--subject") { Description = "Who the token is for (its sub claim).", DefaultValueFactory = _ => "sightline-local-app" };
        var roles = new Option<string[]>("--role")
        {
            Description = $"Permissions (app roles) to grant; repeat for several. Default {LocalTokens.ReadPermission}; importing over HTTP needs Sightline.Ingest.",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("token", "Print a bearer token accepted by the server that uses the same data folder.") { dataDir, hours, subject, roles };
        command.SetAction(parse =>
        {
            var key = SigningKey.LoadOrCreate(Path.GetFullPath(parse.GetValue(dataDir)!));
            var granted = parse.GetValue(roles) is { Length: > 0 } r ? r : null;
            Console.WriteLine(LocalTokens.Create(key, TimeSpan.FromHours(parse.GetValue(hours)), parse.GetValue(subject)!, roles: granted));
            return 0;
        });
        return command;
    }
}
