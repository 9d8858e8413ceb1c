namespace Sightline.Tests.Import;

/// <summary>
/// nmap -oX output written for these tests in the shape nmap 7.94 produces for
/// <c>nmap -sV --script banner,http-headers,ssl-cert</c> (after the parser tests' fixtures). Addresses are
/// documentation ranges; the certificate is a throw-away self-signed one (www.example.org, SAN example.org).
/// </summary>
public static class NmapScans
{
    public const long Start = 1_700_000_000; // 2023-11-14T22:13:20Z
    public const string WebIp = "198.51.100.7";
    public const string NamedIp = "203.0.113.25";
    public const string CertificateSha1 = "eaf4f6d483de5ac9f35327a8e257cc000e37c8a6";
    public const string SshBanner = "SSH-2.0-OpenSSH_8.2p1 Ubuntu-4ubuntu0.5";

    private const string Pem = "-----BEGIN CERTIFICATE-----&#xa;MIIB3TCCAYSgAwIBAgIUBN6fP0Ey5fGwCjBlQ1Ab/YthnsYwCgYIKoZIzj0EAwIw&#xa;MDEYMBYGA1UEAwwPd3d3LmV4YW1wbGUub3JnMRQwEgYDVQQKDAtFeGFtcGxlIE9y&#xa;ZzAeFw0yNjExMjYxNTQ5MTNaFw0yNzExMjYxNTQ5MTNaMDAxGDAWBgNVBAMMD3d3&#xa;dy5leGFtcGxlLm9yZzEUMBIGA1UECgwLRXhhbXBsZSBPcmcwWTATBgcqhkjOPQIB&#xa;BggqhkjOPQMBBwNCAATFvHSBXyaArmv3BFDzIZBGDi2MlhoGMSTLhpJPhgY120Aw&#xa;uUeq+RMopViMR8/1Hx/MY4x1vcbxi8rN0fDpkdxco3wwejAdBgNVHQ4EFgQUgRoH&#xa;Sn/E+MUcgKGR+ctkusnkm/0wHwYDVR0jBBgwFoAUgRoHSn/E+MUcgKGR+ctkusnk&#xa;m/0wDwYDVR0TAQH/BAUwAwEB/zAnBgNVHREEIDAegg93d3cuZXhhbXBsZS5vcmeC&#xa;C2V4YW1wbGUub3JnMAoGCCqGSM49BAMCA0cAMEQCIHdpGo4ZvS2gb00Z7LQkd+xU&#xa;uPpcYun6nABsa53FO+XNAiA+MIsCKC59zpvn6YcsjKu6YjywL/9gUPstM+lY4SYU&#xa;zQ==&#xa;-----END CERTIFICATE-----&#xa;";

    /// <summary>The certificate of <see cref="WebHost"/>'s port 443 as plain PEM (for the sighting and x509 tests).</summary>
    public static string CertificatePem => Pem.Replace("&#xa;", "\n");

    public static string Scan(params string[] hosts) => $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE nmaprun>
        <?xml-stylesheet href="file:///usr/bin/../share/nmap/nmap.xsl" type="text/xsl"?>
        <!-- Nmap 7.94SVN scan initiated as: nmap -sV -&#45;script banner,http-headers,ssl-cert -oX scan.xml 198.51.100.7 203.0.113.25 -->
        <nmaprun scanner="nmap" args="nmap -sV -&#45;script banner,http-headers,ssl-cert -oX scan.xml 198.51.100.7 203.0.113.25" start="1699999990" version="7.94SVN" xmloutputversion="1.05">
        <scaninfo type="syn" protocol="tcp" numservices="1000" services="1,3-4,6-7,9,13,17,19-26"/>
        {{string.Join("\n", hosts)}}
        <runstats><finished time="1700000200" elapsed="210.00" exit="success"/><hosts up="2" down="0" total="2"/></runstats>
        </nmaprun>
        """;

    /// <summary>A Linux web server: ssh, a closed telnet, smtp, http, https with a certificate, a filtered proxy port.</summary>
    public static string WebHost(long start = Start, string sshBanner = SshBanner, string sshVersion = "8.2p1 Ubuntu 4ubuntu0.5", bool withCertificate = true) => $$"""
        <host starttime="{{start}}" endtime="{{start + 123}}"><status state="up" reason="echo-reply" reason_ttl="52"/>
        <address addr="198.51.100.7" addrtype="ipv4"/>
        <address addr="52:54:00:12:34:56" addrtype="mac" vendor="QEMU virtual NIC"/>
        <hostnames>
        </hostnames>
        <ports><extraports state="closed" count="993"><extrareasons reason="reset" count="993" proto="tcp" ports="1,3-4,6-7,9,13,17,19-21,24,26"/></extraports>
        <port protocol="tcp" portid="22"><state state="open" reason="syn-ack" reason_ttl="52"/><service name="ssh" product="OpenSSH" version="{{sshVersion}}" extrainfo="Ubuntu Linux; protocol 2.0" ostype="Linux" method="probed" conf="10"><cpe>cpe:/a:openbsd:openssh:8.2p1</cpe><cpe>cpe:/o:linux:linux_kernel</cpe></service><script id="banner" output="{{sshBanner}}"/></port>
        <port protocol="tcp" portid="23"><state state="closed" reason="reset" reason_ttl="52"/><service name="telnet" method="table" conf="3"/></port>
        <port protocol="tcp" portid="25"><state state="open" reason="syn-ack" reason_ttl="52"/><service name="smtp" product="Postfix smtpd" hostname="mail.example.org" method="probed" conf="10"><cpe>cpe:/a:postfix:postfix</cpe></service><script id="banner" output="220 mail.example.org ESMTP Postfix (Ubuntu)"/></port>
        <port protocol="tcp" portid="80"><state state="open" reason="syn-ack" reason_ttl="52"/><service name="http" product="nginx" version="1.18.0" extrainfo="Ubuntu" method="probed" conf="10"><cpe>cpe:/a:igor_sysoev:nginx:1.18.0</cpe></service><script id="http-headers" output="&#xa;  Server: nginx/1.18.0 (Ubuntu)&#xa;  Content-Type: text/html&#xa;  Connection: close&#xa;  &#xa;  (Request type: HEAD)&#xa;"/><script id="http-server-header" output="nginx/1.18.0 (Ubuntu)"><elem>nginx/1.18.0 (Ubuntu)</elem>
        </script></port>
        <port protocol="tcp" portid="443"><state state="open" reason="syn-ack" reason_ttl="52"/><service name="http" product="nginx" version="1.18.0" extrainfo="Ubuntu" tunnel="ssl" method="probed" conf="10"><cpe>cpe:/a:igor_sysoev:nginx:1.18.0</cpe></service><script id="http-headers" output="&#xa;  Server: nginx/1.18.0 (Ubuntu)&#xa;  Strict-Transport-Security: max-age=63072000&#xa;  Connection: close&#xa;  &#xa;  (Request type: HEAD)&#xa;"/>{{(withCertificate ? SslCert : "")}}</port>
        <port protocol="tcp" portid="8080"><state state="filtered" reason="no-response" reason_ttl="0"/><service name="http-proxy" method="table" conf="3"/></port>
        </ports>
        <times srtt="21034" rttvar="1533" to="100000"/>
        </host>
        """;

    private static string SslCert => $$"""
        <script id="ssl-cert" output="Subject: commonName=www.example.org/organizationName=Example Org&#xa;SHA-1: eaf4 f6d4 83de 5ac9 f353 27a8 e257 cc00 0e37 c8a6"><table key="subject">
        <elem key="commonName">www.example.org</elem>
        <elem key="organizationName">Example Org</elem>
        </table>
        <elem key="sha1">eaf4f6d483de5ac9f35327a8e257cc000e37c8a6</elem>
        <elem key="pem">{{Pem}}</elem>
        </script>
        """;

    /// <summary>A host without times of its own (the run's start applies) with user and PTR names, FTP and a UDP port.</summary>
    public const string NamedHost = """
        <host><status state="up" reason="syn-ack" reason_ttl="57"/>
        <address addr="203.0.113.25" addrtype="ipv4"/>
        <hostnames>
        <hostname name="WWW.Example.COM." type="user"/>
        <hostname name="web-25.example.net" type="PTR"/>
        </hostnames>
        <ports>
        <port protocol="tcp" portid="21"><state state="open" reason="syn-ack" reason_ttl="57"/><service name="ftp" product="vsftpd" version="3.0.3" ostype="Unix" method="probed" conf="10"><cpe>cpe:/a:vsftpd:vsftpd:3.0.3</cpe></service><script id="banner" output="220 (vsFTPd 3.0.3)"/></port>
        <port protocol="udp" portid="21"><state state="open|filtered" reason="no-response" reason_ttl="0"/><service name="unknown" method="table" conf="3"/></port>
        </ports>
        </host>
        """;

    /// <summary>A host whose address is not an address: the parser rejects it.</summary>
    public const string BrokenHost = """
        <host starttime="1700000300" endtime="1700000400"><status state="up" reason="syn-ack" reason_ttl="57"/>
        <address addr="203.0.113.999" addrtype="ipv4"/>
        <ports><port protocol="tcp" portid="80"><state state="open" reason="syn-ack" reason_ttl="57"/></port></ports>
        </host>
        """;
}
