using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Sightline.Auth;
using Sightline.Data;
using Sightline.Data.Ingestion;
using Sightline.Data.Reputation;
using Sightline.OData;

namespace Sightline.Hosting;

/// <summary>
/// <c>POST /ingest[/{format}]</c>, outside the Graph surface: the request body is one file in a standard format,
/// imported like the CLI does. Needs the <c>Sightline.Ingest</c> permission. Answers 200 with the report when
/// every record was stored, 422 in Graph's error envelope (rejected records as <c>details</c>) otherwise.
/// </summary>
public static class IngestEndpoint
{
    public const string Permission = Permissions.Ingest;
    public const long MaxBodyBytes = 1L << 30;

    private static readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public static IEndpointRouteBuilder MapIngest(this IEndpointRouteBuilder app)
    {
        app.MapPost("/ingest/{format?}", HandleAsync);
        return app;
    }

    private static async Task HandleAsync(HttpContext context, string? format, SightlineDb db, ReputationService reputation)
    {
        await Access.RequireAsync(context, Permission);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }
        var query = context.Request.Query;
        var source = query["name"].FirstOrDefault() is { Length: > 0 } n ? Path.GetFileName(n) : "request body";
        var (head, body) = await PeekAsync(context.Request.Body, context.RequestAborted);
        var name = format ?? Importers.Detect(source, head);
        if (name is null || Importers.Find(name) is not { } importer)
        {
            throw GraphException.BadRequest(name is null
                ? $"The format was not recognised; POST to /ingest/{{format}} with one of: {string.Join(", ", Importers.Names)}."
                : $"Unknown format '{name}'; known formats: {string.Join(", ", Importers.Names)}.");
        }
        var options = new ImportOptions(
            int.TryParse(query["batchSize"], out var batch) && batch > 0 ? batch : 20_000,
            long.TryParse(query["maxErrors"], out var max) && max > 0 ? max : 0);
        var settings = query.Where(q => q.Key is not ("name" or "batchSize" or "maxErrors"))
            .ToDictionary(q => q.Key.ToLowerInvariant(), q => q.Value.ToString(), StringComparer.Ordinal);

        ImportReport report;
        ReputationRunReport? scored = null;
        await _oneAtATime.WaitAsync(context.RequestAborted);
        try
        {
            report = await importer.ImportAsync(db, body, new ImportContext(source, options) { Settings = settings }, context.RequestAborted);
            // New evidence: verdicts are recomputed now, so that reads stay one row lookup.
            if (report.Accepted > 0)
            {
                scored = await reputation.RecomputeAsync(db, context.RequestAborted);
            }
        }
        finally
        {
            _oneAtATime.Release();
        }
        if (report.Succeeded)
        {
            await GraphResponses.WriteJsonAsync(context, json => WriteReport(json, report, scored));
            return;
        }
        await WriteRejectedAsync(context, report);
    }

    /// <summary>Reads the first bytes (to recognise the format) and gives back a stream that still starts with them.</summary>
    private static async Task<(byte[] Head, Stream Body)> PeekAsync(Stream body, CancellationToken cancellationToken)
    {
        var head = new byte[4096];
        var read = 0;
        while (read < head.Length && await body.ReadAsync(head.AsMemory(read), cancellationToken) is var n and > 0)
        {
            read += n;
        }
        Array.Resize(ref head, read);
        if (read == 0)
        {
            throw GraphException.BadRequest("The request body is empty; send the file to import as the body.");
        }
        return (head, new PrefixedStream(head, body));
    }

    private static void WriteReport(Utf8JsonWriter json, ImportReport report, ReputationRunReport? scored = null)
    {
        json.WriteStartObject();
        json.WriteString("source", report.Source);
        json.WriteString("format", report.Format);
        json.WriteNumber("accepted", report.Accepted);
        json.WriteNumber("merged", report.Merged);
        json.WriteNumber("rejected", report.Rejected);
        json.WriteNumber("notStored", report.NotStored);
        json.WriteNumber("ignored", report.Ignored);
        json.WriteNumber("alreadyImported", report.AlreadyImported);
        json.WriteBoolean("stopped", report.Stopped);
        json.WriteNumber("seconds", Math.Round(report.Elapsed.TotalSeconds, 3));
        if (scored is not null)
        {
            json.WriteStartObject("reputation");
            json.WriteString("ruleSet", scored.RuleSetVersion);
            json.WriteNumber("hostsScored", scored.HostsScored);
            json.WriteNumber("changed", scored.Changed);
            json.WriteNumber("seconds", Math.Round(scored.Elapsed.TotalSeconds, 3));
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static async Task WriteRejectedAsync(HttpContext context, ImportReport report)
    {
        context.Response.StatusCode = 422;
        await GraphResponses.WriteJsonAsync(context, json =>
        {
            json.WriteStartObject();
            json.WriteStartObject("error");
            json.WriteString("code", "importRejected");
            json.WriteString("message", report.ToString());
            json.WriteStartArray("details");
            foreach (var error in report.Errors)
            {
                json.WriteStartObject();
                json.WriteString("code", "rejectedRecord");
                json.WriteString("message", error.Reason);
                json.WriteString("target", $"{error.Source}:{error.Position}");
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WritePropertyName("report");
            WriteReport(json, report);
            json.WriteStartObject("innerError");
            json.WriteString("date", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("request-id", RequestIds.RequestId(context));
            json.WriteString("client-request-id", RequestIds.ClientRequestId(context));
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }, status: 422);
    }

    private sealed class PrefixedStream(byte[] prefix, Stream rest) : Stream
    {
        private int _offset;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_offset < prefix.Length)
            {
                var n = Math.Min(buffer.Length, prefix.Length - _offset);
                prefix.AsMemory(_offset, n).CopyTo(buffer);
                _offset += n;
                return n;
            }
            return await rest.ReadAsync(buffer, cancellationToken);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
