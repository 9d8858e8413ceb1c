using System.Net.Sockets;
using System.Text;

namespace Sightline.Tests.Fuzz;

/// <summary>An answer as it came off the wire.</summary>
public sealed record RawResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string? MediaType => Header("content-type")?.Split(';')[0].Trim().ToLowerInvariant();
}

/// <summary>
/// HTTP/1.1 over a plain socket, one request per connection: the request target goes out byte for byte, so dot
/// segments, double slashes and bad percent escapes reach the server the way a hostile client sends them
/// (<see cref="HttpClient"/> would normalise or refuse them first).
/// </summary>
public static class RawHttp
{
    public static async Task<RawResponse> SendAsync(int port, string method, string target, IEnumerable<KeyValuePair<string, string>> headers,
        string? body, CancellationToken cancellationToken)
    {
        using var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync("127.0.0.1", port, cancellationToken);
        await using var stream = client.GetStream();
        var request = new StringBuilder();
        request.Append(method).Append(' ').Append(target).Append(" HTTP/1.1\r\n");
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
        {
            names.Add(name);
            request.Append(name).Append(": ").Append(value).Append("\r\n");
        }
        if (!names.Contains("Host"))
        {
            request.Append("Host: 127.0.0.1:").Append(port).Append("\r\n");
        }
        var payload = body is null ? [] : Encoding.UTF8.GetBytes(body);
        if (body is not null && !names.Contains("Content-Length") && !names.Contains("Transfer-Encoding"))
        {
            request.Append("Content-Length: ").Append(payload.Length).Append("\r\n");
        }
        request.Append("Connection: close\r\n\r\n");
        // Latin-1: a test that wants a raw non-ASCII byte in the request line writes it as one char below 256.
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request.ToString()), cancellationToken);
        await stream.WriteAsync(payload, cancellationToken);
        var received = new MemoryStream();
        try
        {
            await stream.CopyToAsync(received, cancellationToken);
        }
        catch (IOException) when (received.Length > 0)
        {
            // The server closed the connection with a reset after answering (it refused to read the request body).
        }
        return Parse(received.ToArray(), method);
    }

    private static RawResponse Parse(byte[] raw, string method)
    {
        var end = raw.AsSpan().IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            throw new InvalidDataException($"No complete response head in {raw.Length} bytes: '{Encoding.Latin1.GetString(raw)}'");
        }
        var head = Encoding.Latin1.GetString(raw, 0, end).Split("\r\n");
        var statusParts = head[0].Split(' ', 3);
        var status = int.Parse(statusParts[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in head.Skip(1))
        {
            var colon = line.IndexOf(':');
            if (colon > 0)
            {
                var name = line[..colon].Trim();
                var value = line[(colon + 1)..].Trim();
                headers[name] = headers.TryGetValue(name, out var earlier) ? earlier + ", " + value : value;
            }
        }
        var bytes = raw.AsSpan(end + 4);
        if (string.Equals(method, "HEAD", StringComparison.OrdinalIgnoreCase))
        {
            bytes = [];
        }
        else if (headers.TryGetValue("Transfer-Encoding", out var te) && te.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            bytes = Dechunk(bytes);
        }
        return new RawResponse(status, headers, Encoding.UTF8.GetString(bytes));
    }

    private static byte[] Dechunk(ReadOnlySpan<byte> data)
    {
        var body = new MemoryStream();
        while (true)
        {
            var lineEnd = data.IndexOf("\r\n"u8);
            if (lineEnd < 0)
            {
                throw new InvalidDataException("A chunked body ends inside a chunk size line.");
            }
            var sizeText = Encoding.ASCII.GetString(data[..lineEnd]).Split(';')[0].Trim();
            var size = Convert.ToInt32(sizeText, 16);
            data = data[(lineEnd + 2)..];
            if (size == 0)
            {
                return body.ToArray();
            }
            if (data.Length < size + 2)
            {
                throw new InvalidDataException("A chunked body ends inside a chunk.");
            }
            body.Write(data[..size]);
            data = data[(size + 2)..];
        }
    }
}
