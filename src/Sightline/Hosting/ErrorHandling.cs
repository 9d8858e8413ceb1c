using Microsoft.AspNetCore.Http;
using Sightline.OData;

namespace Sightline.Hosting;

/// <summary>Every failure leaves in Graph's error envelope; nothing leaks a stack trace.</summary>
public static partial class ErrorHandling
{
    public static IApplicationBuilder UseGraphErrors(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (GraphException e) when (!context.Response.HasStarted)
        {
            await GraphErrors.WriteAsync(context, e.Status, e.Code, e.Message);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            var code = e.StatusCode switch { 413 => "RequestEntityTooLarge", 414 => "RequestUriTooLong", 408 => "RequestTimeout", _ => "BadRequest" };
            await GraphErrors.WriteAsync(context, e.StatusCode, code, e.Message);
        }
        catch (Exception e) when (!context.Response.HasStarted && StoreFailures.IsUnavailable(e))
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Sightline.Errors");
            LogStoreUnavailable(logger, e.GetBaseException().Message, RequestIds.RequestId(context));
            context.Response.Headers.RetryAfter = StoreRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await GraphErrors.WriteAsync(context, 503, "serviceNotAvailable",
                $"The store is busy or cannot be reached. Retry after {StoreRetryAfterSeconds} seconds; quote request-id {RequestIds.RequestId(context)} if it persists.");
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Sightline.Errors");
            LogUnhandled(logger, e, RequestIds.RequestId(context));
            await GraphErrors.WriteAsync(context, 500, "generalException",
                $"An unexpected error occurred. Quote request-id {RequestIds.RequestId(context)} when reporting it.");
        }
    });

    /// <summary>How long a client should wait before retrying when the store is busy or unreachable.</summary>
    public const int StoreRetryAfterSeconds = 5;

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Store unavailable in request {RequestId}: {Reason}")]
    private static partial void LogStoreUnavailable(ILogger logger, string reason, string requestId);

    [LoggerMessage(EventId = 1000, Level = LogLevel.Error, Message = "Unhandled error in request {RequestId}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string requestId);
}
