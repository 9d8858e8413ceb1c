using Microsoft.EntityFrameworkCore;
using Sightline.Auth;
using Sightline.Data;
using Sightline.Data.Demo;
using Sightline.Limits;
using Sightline.OData;
using Sightline.Portal;
using Sightline.ThreatIntelligence;

namespace Sightline.Hosting;

/// <summary>The web application: its services and its request pipeline, in the order a request meets them.</summary>
public static partial class SightlineApp
{
    public static WebApplication Create(ServerSettings settings, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddSingleton(settings.Paging);
        configure?.Invoke(builder);

        var store = settings.ResolveStore();
        Directory.CreateDirectory(settings.DataDir);
        store.Register(builder.Services);
        builder.Services.AddSingleton(ThreatIntelligenceRoutes.Build());
        builder.Services.AddSingleton<GraphEndpoint>();
        builder.Services.AddSightlineAuthentication(settings.Auth, settings.DataDir);
        builder.Services.AddSingleton(settings.Limits);
        builder.Services.AddSingleton(settings.Limits.Query);
        builder.Services.AddSightlineThrottling(settings.Limits);
        builder.Services.AddAuditLog(settings.Audit, settings.DataDir);
        builder.AddRequestBounds(settings.Limits);
        if (settings.Https is { } https)
        {
            var certificate = HttpsCertificate.Load(https, settings.DataDir);
            builder.Services.AddSingleton(certificate);
            builder.WebHost.UseKestrelHttpsConfiguration();
            builder.WebHost.ConfigureKestrel(k => k.ConfigureHttpsDefaults(h => h.ServerCertificate = certificate.Certificate));
        }
        builder.Services.AddReputation(settings);
        if (settings.BenchFloor)
        {
            builder.Services.AddSingleton(new Floor.FloorStatements(store));
        }

        var app = builder.Build();
        app.UseGraphHeaders();
        app.UseAuditLog(settings.Audit);
        app.UseSightlineAuthentication(settings.Auth);
        app.UseGraphErrors();
        app.UseRequestBounds(settings.Limits);
        app.UsePortal();
        app.UseAuthentication();
        app.UseSightlineThrottling(settings.Limits);
        app.Use(async (context, next) =>
        {
            if (GraphEndpoint.VersionOf(context.Request.Path) is { } version)
            {
                await context.RequestServices.GetRequiredService<GraphEndpoint>().HandleAsync(context, version);
                return;
            }
            await next(context);
        });
        app.MapIngest();
        app.MapOperations();
        app.MapReputationOverrides();
        if (settings.BenchFloor)
        {
            Floor.FloorEndpoints.MapFloor(app);
        }
        app.MapFallback("{**path}", context => throw new GraphException(404, "itemNotFound",
            $"No resource at '{context.Request.Path}'. The Graph API is served under /v1.0 and /beta."));
        return app;
    }

    /// <summary>Brings the store's schema up to date and, when it is empty, loads the demo dataset.</summary>
    public static async Task InitializeStoreAsync(WebApplication app, ServerSettings settings, CancellationToken cancellationToken = default)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SightlineDb>();
        await StoreSetup.PrepareAsync(db, cancellationToken);
        if (settings.LoadDemo && await DemoDataset.NeedsLoadingAsync(db, cancellationToken))
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Sightline.Demo");
            LogDemoLoading(logger);
            await DemoDataset.LoadAsync(db, cancellationToken, app.Services.GetRequiredService<ReputationService>().Engine);
            LogDemoLoaded(logger, await db.Hosts.CountAsync(cancellationToken));
        }
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "The store is empty: loading the demo dataset")]
    private static partial void LogDemoLoading(ILogger logger);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Demo dataset loaded: {Hosts} hosts")]
    private static partial void LogDemoLoaded(ILogger logger, int hosts);
}
