namespace Sightline.Parsers.PassiveDns;

/// <summary>
/// One passive DNS observation: <see cref="Name"/> was answered with <see cref="Data"/> for <see cref="Type"/>
/// between <see cref="FirstSeen"/> and <see cref="LastSeen"/>, <see cref="Count"/> times. Names are lower-case
/// without the trailing dot; for A and AAAA the data is the canonical address, for name-valued types the target
/// host (an MX answer loses its preference, an SRV answer its priority, weight and port).
/// </summary>
internal sealed record PassiveDnsObservation(
    string Name,
    string Type,
    string Data,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    long Count,
    string? SensorId)
{
    /// <summary>Types whose answer is a host (an address or a name), which is what Graph's passiveDnsRecord holds.</summary>
    public static bool HasHostAnswer(string type) => type is "A" or "AAAA" or "CNAME" or "NS" or "MX" or "PTR" or "SRV" or "DNAME" or "SOA";
}
