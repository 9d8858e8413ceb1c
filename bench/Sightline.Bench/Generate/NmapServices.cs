namespace Sightline.Bench.Generate;

/// <summary>One open (or filtered) port as nmap -sV with the banner, http-headers and ssl-cert scripts reports it.</summary>
internal sealed record NmapService(
    int Port, string State, string Reason, string Name, string? Product, string? Version, string? ExtraInfo, string? Tunnel,
    IReadOnlyList<string> Cpes, string? Banner, string? HttpServer)
{
    private static readonly NmapService[] _ssh =
    [
        new(22, "open", "syn-ack", "ssh", "OpenSSH", "8.9p1 Ubuntu 3ubuntu0.6", "Ubuntu Linux; protocol 2.0", null, ["cpe:/a:openbsd:openssh:8.9p1", "cpe:/o:linux:linux_kernel"], "SSH-2.0-OpenSSH_8.9p1 Ubuntu-3ubuntu0.6", null),
        new(22, "open", "syn-ack", "ssh", "OpenSSH", "9.2p1 Debian 2+deb12u2", "protocol 2.0", null, ["cpe:/a:openbsd:openssh:9.2p1", "cpe:/o:linux:linux_kernel"], "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u2", null),
        new(22, "open", "syn-ack", "ssh", "OpenSSH", "7.4", "protocol 2.0", null, ["cpe:/a:openbsd:openssh:7.4"], "SSH-2.0-OpenSSH_7.4", null),
        new(22, "open", "syn-ack", "ssh", "Dropbear sshd", "2020.81", "protocol 2.0", null, ["cpe:/a:matt_johnston:dropbear_ssh_server:2020.81"], "SSH-2.0-dropbear_2020.81", null),
    ];

    private static readonly (string Product, string Version, string Server, string Cpe)[] _web =
    [
        ("nginx", "1.18.0", "nginx/1.18.0 (Ubuntu)", "cpe:/a:igor_sysoev:nginx:1.18.0"),
        ("nginx", "1.24.0", "nginx/1.24.0", "cpe:/a:igor_sysoev:nginx:1.24.0"),
        ("Apache httpd", "2.4.41", "Apache/2.4.41 (Ubuntu)", "cpe:/a:apache:http_server:2.4.41"),
        ("Apache httpd", "2.4.57", "Apache/2.4.57 (Debian)", "cpe:/a:apache:http_server:2.4.57"),
        ("Microsoft IIS httpd", "10.0", "Microsoft-IIS/10.0", "cpe:/a:microsoft:internet_information_services:10.0"),
        ("lighttpd", "1.4.59", "lighttpd/1.4.59", "cpe:/a:lighttpd:lighttpd:1.4.59"),
    ];

    /// <summary>The ports one host shows: web on most, SSH on many, now and then mail, FTP, a database or RDP.</summary>
    public static List<NmapService> For(Random random, string mailName)
    {
        var ports = new List<NmapService>();
        var (product, version, server, cpe) = random.Pick(_web);
        if (random.Chance(0.7))
        {
            ports.Add(new(80, "open", "syn-ack", "http", product, version, null, null, [cpe], null, server));
        }
        if (random.Chance(0.6))
        {
            ports.Add(new(443, "open", "syn-ack", "http", product, version, null, "ssl", [cpe], null, server));
        }
        if (random.Chance(0.5))
        {
            ports.Add(random.Pick(_ssh));
        }
        if (random.Chance(0.12))
        {
            ports.Add(new(25, "open", "syn-ack", "smtp", "Postfix smtpd", null, null, null, ["cpe:/a:postfix:postfix"], $"220 {mailName} ESMTP Postfix (Ubuntu)", null));
        }
        if (random.Chance(0.08))
        {
            ports.Add(random.Chance(0.5)
                ? new(21, "open", "syn-ack", "ftp", "vsftpd", "3.0.3", null, null, ["cpe:/a:vsftpd:vsftpd:3.0.3"], "220 (vsFTPd 3.0.3)", null)
                : new(21, "open", "syn-ack", "ftp", "ProFTPD", "1.3.6", null, null, ["cpe:/a:proftpd:proftpd:1.3.6"], "220 ProFTPD 1.3.6 Server (Debian)", null));
        }
        if (random.Chance(0.06))
        {
            ports.Add(new(3306, "open", "syn-ack", "mysql", "MySQL", "8.0.36-0ubuntu0.22.04.1", null, null, ["cpe:/a:mysql:mysql:8.0.36-0ubuntu0.22.04.1"], null, null));
        }
        if (random.Chance(0.05))
        {
            ports.Add(new(3389, "open", "syn-ack", "ms-wbt-server", "Microsoft Terminal Services", null, null, null, ["cpe:/o:microsoft:windows"], null, null));
        }
        if (ports.Count == 0 || random.Chance(0.15))
        {
            ports.Add(new(8080, "filtered", "no-response", "http-proxy", null, null, null, null, [], null, null));
        }
        return ports;
    }
}
