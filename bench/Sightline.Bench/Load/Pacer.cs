namespace Sightline.Bench.Load;

/// <summary>
/// Keeps one client (one token subject, shared by its workers) at most <c>limit</c> requests in any sliding
/// <c>window</c>, which also keeps it within every fixed window the server counts.
/// </summary>
internal sealed class Pacer(int limit, TimeSpan window)
{
    private readonly Queue<long> _sent = new();
    private readonly Lock _lock = new();

    public long PacedWaits;

    public async Task WaitTurnAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                var now = Environment.TickCount64;
                while (_sent.Count > 0 && now - _sent.Peek() >= window.TotalMilliseconds)
                {
                    _sent.Dequeue();
                }
                if (_sent.Count < limit)
                {
                    _sent.Enqueue(now);
                    return;
                }
                wait = TimeSpan.FromMilliseconds(_sent.Peek() + window.TotalMilliseconds - now + 1);
            }
            Interlocked.Increment(ref PacedWaits);
            await Task.Delay(wait, cancellationToken);
        }
    }
}
