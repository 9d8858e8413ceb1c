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
            Description = $"Permissions (app roles) to grant; repeat for several. Default {Permissions.Read}; importing over HTTP needs {Permissions.Ingest}, /healthz/details from another machine {Permissions.Operations}.",
            AllowMultipleArgumentsPerToken = true,
        };
        var rotate = new Option<bool>("--rotate-key")
        {
            Description = "First replace the instance's signing key and revoke the old one: every token signed by it is rejected from then on, also by a running server.",
        };
        var command = new Command("token", "Print a bearer token accepted by the server that uses the same data folder.") { dataDir, hours, subject, roles, rotate };
        command.SetAction(parse =>
        {
            var folder = Path.GetFullPath(parse.GetValue(dataDir)!);
            var key = SigningKey.LoadOrCreate(folder);
            if (parse.GetValue(rotate))
            {
                (var oldId, key) = SigningKey.Rotate(folder);
                Console.Error.WriteLine($"Signing key rotated: key {oldId} is revoked (listed in {SigningKey.RevokedFileName}); the new key is {key.KeyId}.");
            }
            var granted = parse.GetValue(roles) is { Length: > 0 } r ? r : null;
            Console.WriteLine(LocalTokens.Create(key, TimeSpan.FromHours(parse.GetValue(hours)), parse.GetValue(subject)!, roles: granted));
            return 0;
        });
        return command;
    }
}
