namespace Sightline.Data.Entities;

public enum PortProtocol
{
    Tcp = 0,
    Udp = 1,
}

public enum PortStatus
{
    Open = 0,
    Filtered = 1,
    Closed = 2,
}

public sealed class HostPort
{
    public required string HostId { get; set; }
    public required string Id { get; set; }
    public int Port { get; set; }
    public PortProtocol? Protocol { get; set; }
    public PortStatus? Status { get; set; }
    public int? TimesObserved { get; set; }
    public DateTimeOffset? FirstSeenDateTime { get; set; }
    public DateTimeOffset? LastSeenDateTime { get; set; }
    public DateTimeOffset? LastScanDateTime { get; set; }
    public string? MostRecentSslCertificateId { get; set; }
    public List<PortBanner> Banners { get; set; } = [];
    public List<PortService> Services { get; set; } = [];
}

public sealed class PortBanner
{
    public required string Banner { get; set; }
    public string? ScanProtocol { get; set; }
    public int? TimesObserved { get; set; }
    public DateTimeOffset? FirstSeenDateTime { get; set; }
    public DateTimeOffset? LastSeenDateTime { get; set; }
}

/// <summary>A service identified on a port; it points at the host component that describes it.</summary>
public sealed class PortService
{
    public required string ComponentId { get; set; }
    public required string Name { get; set; }
    public string Version { get; set; } = "";
    public string Category { get; set; } = "";
    public bool? IsRecent { get; set; }
    public DateTimeOffset? FirstSeenDateTime { get; set; }
    public DateTimeOffset? LastSeenDateTime { get; set; }
}
