using System.CommandLine;
using Sightline.Auth;
using Sightline.Data;
using Sightline.Hosting;
using Sightline.Portal;

namespace Sightline.Commands;

internal static class ServeCommand
{
    public static Command Create(Option<string> dataDir)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen (separate several with ';'; https:// addresses use the HTTPS certificate).", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var postgres = new Option<string?>("--postgres") { Description = "Use PostgreSQL with this connection string instead of the SQLite file in the data folder." };
        var noDemo = new Option<bool>("--no-demo") { Description = "Do not load the demo dataset into an empty store." };
        var serve = new ServeOptions();
        var rules = ReputationCommand.RulesOption();
        // Benchmark runs only (bench/Sightline.Bench): the floor endpoints beside the Graph routes, see docs/benchmarks.md.
        var benchFloor = new Option<bool>("--bench-floor") { Hidden = true };
        var command = new Command("serve", "Run the Graph threat intelligence API.") { dataDir, urls, postgres, noDemo, rules, benchFloor };
        var limits = new LimitOptions();
        foreach (var option in serve.All.Concat(limits.All))
        {
            command.Options.Add(option);
        }
        command.SetAction(async (parse, cancellationToken) =>
        {
            var listen = serve.Urls(parse, parse.GetValue(urls)!);
            var settings = new ServerSettings
            {
                DataDir = Path.GetFullPath(parse.GetValue(dataDir)!),
                Store = parse.GetValue(postgres) is { } cs ? StoreOptions.Postgres(cs) : null,
                LoadDemo = !parse.GetValue(noDemo),
                Auth = serve.AuthSettings(parse),
                Https = serve.HttpsSettings(parse, listen),
                ReputationRules = parse.GetValue(rules),
                Limits = limits.LimitSettings(parse),
                Audit = limits.AuditSettings(parse),
                BenchFloor = parse.GetValue(benchFloor),
            };
            var app = SightlineApp.Create(settings, b => b.WebHost.UseUrls(listen));
            await SightlineApp.InitializeStoreAsync(app, settings, cancellationToken);
            await app.StartAsync(cancellationToken);
            PrintBanner(app, settings);
            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        });
        return command;
    }

    private static void PrintBanner(WebApplication app, ServerSettings settings)
    {
        var baseUrl = app.Urls.First().TrimEnd('/');
        Console.WriteLine($"Sightline is listening on {string.Join(", ", app.Urls.Select(u => u.TrimEnd('/')))}");
        Console.WriteLine($"Graph base URL: {baseUrl}/v1.0   (also {baseUrl}/beta)");
        Console.WriteLine($"Data folder:    {settings.DataDir}");
        if (app.Services.GetService<HttpsCertificate>() is { } certificate)
        {
            Console.WriteLine($"HTTPS certificate: {certificate.Source}, expires {certificate.Certificate.NotAfter.ToUniversalTime():yyyy-MM-dd}");
            Console.WriteLine($"  SHA-256 fingerprint: {certificate.Fingerprint}");
        }
        switch (settings.Auth.Mode)
        {
            case AuthMode.None:
                Console.Error.WriteLine("WARNING: authentication is disabled (--auth none). Anyone who can reach this server can read and import");
                Console.Error.WriteLine("WARNING: everything. Every response carries 'Sightline-Warning: authentication disabled'. Local emulation only.");
                Console.WriteLine($"Try: curl '{baseUrl}/v1.0/security/threatIntelligence/hosts/contoso-login.com/reputation'");
                Console.WriteLine($"Portal: {PortalLinks.Home(baseUrl)}");
                break;
            case AuthMode.Oidc:
                Console.WriteLine($"Authentication: OIDC tokens from {settings.Auth.OidcAuthority} for {string.Join(", ", settings.Auth.OidcAudiences)}");
                Console.WriteLine($"Portal: {PortalLinks.Home(baseUrl)}   (sign in with a token from your identity provider)");
                break;
            default:
                var token = LocalTokens.Create(SigningKey.LoadOrCreate(settings.DataDir), TimeSpan.FromHours(12));
                Console.WriteLine("Bearer token (valid 12 hours; mint more with the token command):");
                Console.WriteLine($"export TOKEN={token}");
                Console.WriteLine($"Try: curl -H \"Authorization: Bearer $TOKEN\" '{baseUrl}/v1.0/security/threatIntelligence/hosts/contoso-login.com/reputation'");
                Console.WriteLine("Portal sign-in link (the same token; it stays in the browser tab):");
                Console.WriteLine($"  {PortalLinks.SignIn(baseUrl, token)}");
                break;
        }
    }
}
