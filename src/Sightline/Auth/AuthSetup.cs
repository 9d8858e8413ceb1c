using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Sightline.Auth;

/// <summary>Registers the authentication scheme of the chosen mode as the default one; <see cref="Access"/> uses it.</summary>
public static partial class AuthSetup
{
    private static readonly string[] _oidcAlgorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    public static void AddSightlineAuthentication(this IServiceCollection services, AuthSettings settings, string dataDir)
    {
        settings.Validate();
        services.AddSingleton(settings);
        switch (settings.Mode)
        {
            case AuthMode.None:
                services.AddAuthentication(NoAuthentication.SchemeName).AddScheme<AuthenticationSchemeOptions, NoAuthentication>(NoAuthentication.SchemeName, null);
                break;
            case AuthMode.Oidc:
                services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o => ConfigureOidc(o, settings));
                break;
            default:
                var keys = new LocalKeys(dataDir);
                SigningKey.LoadOrCreate(dataDir);
                services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
                {
                    o.MapInboundClaims = false;
                    o.TokenValidationParameters = new TokenValidationParameters
                    {
                        ValidIssuer = LocalTokens.Issuer,
                        ValidAudiences = LocalTokens.Audiences,
                        IssuerSigningKeyResolver = (_, _, kid, _) => keys.Resolve(kid),
                        ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
                        RequireExpirationTime = true,
                        ClockSkew = settings.ClockSkew,
                    };
                });
                break;
        }
    }

    private static void ConfigureOidc(JwtBearerOptions o, AuthSettings settings)
    {
        o.MapInboundClaims = false;
        o.MetadataAddress = settings.MetadataAddress;
        o.RequireHttpsMetadata = !settings.OidcAllowHttpMetadata;
        o.TokenValidationParameters = new TokenValidationParameters
        {
            ValidAudiences = settings.OidcAudiences,
            ValidAlgorithms = _oidcAlgorithms,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = settings.ClockSkew,
            IssuerValidatorUsingConfiguration = (issuer, token, parameters, configuration) =>
                OidcValidation.ValidateIssuer(issuer, token, parameters, configuration, settings),
        };
        o.Events = new JwtBearerEvents
        {
            OnMessageReceived = async context =>
            {
                // Without metadata the libraries would fail every token on its issuer or key: say instead that
                // the identity provider is unreachable. A configuration fetched before stays in use meanwhile.
                if (context.Request.Headers.Authorization.Count > 0 && context.Options.ConfigurationManager is { } manager)
                {
                    try
                    {
                        await manager.GetConfigurationAsync(context.HttpContext.RequestAborted);
                    }
                    catch (Exception e) when (e is InvalidOperationException or HttpRequestException or IOException && !context.HttpContext.RequestAborted.IsCancellationRequested)
                    {
                        context.HttpContext.Items[typeof(IdentityProviderUnavailableException)] = new IdentityProviderUnavailableException(
                            $"The OpenID Connect metadata at {settings.MetadataAddress} could not be retrieved.", e);
                        context.Fail(e);
                    }
                }
            },
            OnTokenValidated = context =>
            {
                if (OidcValidation.CheckTenant(context.Principal?.FindFirst("tid")?.Value, settings) is { } why)
                {
                    context.Fail(why);
                }
                return Task.CompletedTask;
            },
        };
    }

    /// <summary>In <c>none</c> mode: a loud warning now, and a warning header on every response.</summary>
    public static void UseSightlineAuthentication(this WebApplication app, AuthSettings settings)
    {
        if (settings.Mode != AuthMode.None)
        {
            return;
        }
        LogDisabled(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Sightline.Auth"));
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[NoAuthentication.WarningHeader] = NoAuthentication.WarningText;
                return Task.CompletedTask;
            });
            return next(context);
        });
    }

    [LoggerMessage(EventId = 200, Level = LogLevel.Warning,
        Message = "AUTHENTICATION IS DISABLED (--auth none): anyone who can reach this server can read and import everything. Use only for local emulation.")]
    private static partial void LogDisabled(ILogger logger);
}
