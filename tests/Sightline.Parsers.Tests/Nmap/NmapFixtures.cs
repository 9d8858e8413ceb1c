namespace Sightline.Parsers.Tests.Nmap;

/// <summary>
/// nmap -oX output written for these tests in the shape nmap 7.94 produces for
/// <c>nmap -sV --script banner,http-headers,ssl-cert</c>. Addresses are documentation ranges; the certificate is a
/// throw-away self-signed one made with openssl for this file.
/// </summary>
internal static class NmapFixtures
{
    public const string CertificatePem = """
        -----BEGIN CERTIFICATE-----
        MIIB3TCCAYSgAwIBAgIUBN6fP0Ey5fGwCjBlQ1Ab/YthnsYwCgYIKoZIzj0EAwIw
        MDEYMBYGA1UEAwwPd3d3LmV4YW1wbGUub3JnMRQwEgYDVQQKDAtFeGFtcGxlIE9y
        ZzAeFw0yNjExMjYxNTQ5MTNaFw0yNzExMjYxNTQ5MTNaMDAxGDAWBgNVBAMMD3d3
        dy5leGFtcGxlLm9yZzEUMBIGA1UECgwLRXhhbXBsZSBPcmcwWTATBgcqhkjOPQIB
        BggqhkjOPQMBBwNCAATFvHSBXyaArmv3BFDzIZBGDi2MlhoGMSTLhpJPhgY120Aw
        uUeq+RMopViMR8/1Hx/MY4x1vcbxi8rN0fDpkdxco3wwejAdBgNVHQ4EFgQUgRoH
        Sn/E+MUcgKGR+ctkusnkm/0wHwYDVR0jBBgwFoAUgRoHSn/E+MUcgKGR+ctkusnk
        m/0wDwYDVR0TAQH/BAUwAwEB/zAnBgNVHREEIDAegg93d3cuZXhhbXBsZS5vcmeC
        C2V4YW1wbGUub3JnMAoGCCqGSM49BAMCA0cAMEQCIHdpGo4ZvS2gb00Z7LQkd+xU
        uPpcYun6nABsa53FO+XNAiA+MIsCKC59zpvn6YcsjKu6YjywL/9gUPstM+lY4SYU
        zQ==
        -----END CERTIFICATE-----

        """;

    public const string Header = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE nmaprun>
        <?xml-stylesheet href="file:///usr/bin/../share/nmap/nmap.xsl" type="text/xsl"?>
        <!-- Nmap 7.94SVN scan initiated Tue Nov 14 22:13:10 2023 as: nmap -sV -&#45;script banner,http-headers,ssl-cert -oX scan.xml 198.51.100.7 203.0.113.25 -->
        <nmaprun scanner="nmap" args="nmap -sV -&#45;script banner,http-headers,ssl-cert -oX scan.xml 198.51.100.7 203.0.113.25" start="1699999990" startstr="Tue Nov 14 22:13:10 2023" version="7.94SVN" xmloutputversion="1.05">
        <scaninfo type="syn" protocol="tcp" numservices="1000" services="1,3-4,6-7,9,13,17,19-26"/>
        <verbose level="0"/>
        <debugging level="0"/>
        <hosthint><status state="up" reason="unknown-response" reason_ttl="0"/>
        <address addr="198.51.100.7" addrtype="ipv4"/>
        <hostnames>
        </hostnames>
        </hosthint>
        """;

    public const string WebHost = """
        <host starttime="1700000000" endtime="1700000123"><status state="up" reason="echo-reply" reason_ttl="52"/>
        <address addr="198.51.100.7" addrtype="ipv4"/>
        <address addr="52:54:00:12:34:56" addrtype="mac" vendor="QEMU virtual NIC"/>
        <hostnames>
        </hostnames>
        <ports><extraports state="closed" count="993">
        <extrareasons reason="reset" count="993" proto="tcp" ports="1,3-4,6-7,9,13,17,19-21,24,26"/>
        </extraports>
        <port protocol="tcp" portid="22"><state state="open" reason="syn-ack" reason_ttl="52"/><service name="ssh" product="OpenSSH" version="8.2p1 Ubuntu 4ubuntu0.5" extrainfo="Ubuntu Linux; protocol 2.0" ostype="Linux" method="probed" conf="10"><cpe>cpe:/a:openbsd:openssh:8.2p1</cpe><cpe>cpe:/o:linux:linux_kernel</cpe></service><script id="banner" output="SSH-2.0-OpenSSH_8.2p1 Ubuntu-4ubuntu0.5"/><script id="ssh-hostkey" output="&#xa;  3072 0a:1b:2c:3d:4e:5f:60:71:82:93:a4:b5:c6:d7:e8:f9 (RSA)&#xa;  256 f9:e8:d7:c6:b5:a4:93:82:71:60:5f:4e:3d:2c:1b:0a (ECDSA)"><table>
        <elem key="type">ssh-rsa</elem>
        <elem key="bits">3072</elem>
        <elem key="fingerprint">0a1b2c3d4e5f60718293a4b5c6d7e8f9</elem>
        </table>
        </script></port>
        <port protocol="tcp" portid="23"><state state="closed" reason="reset" reason_ttl="52"/><service name="telnet" method="table" conf="3"/></port>
        <port protocol="tcp" portid="25"><state state="open" reason="syn-ack" reason_ttl="52"/><service name="smtp" product="Postfix smtpd" hostname="mail.example.org" method="probed" conf="10"><cpe>cpe:/a:postfix:postfix</cpe></service><script id="banner" output="220 mail.example.org ESMTP Postfix (Ubuntu)"/></port>
        <port protocol="tcp" portid="80"><state state="open" reason="syn-ack" reason_ttl="52"/><service name="http" product="nginx" version="1.18.0" extrainfo="Ubuntu" method="probed" conf="10"><cpe>cpe:/a:igor_sysoev:nginx:1.18.0</cpe></service><script id="http-headers" output="&#xa;  Server: nginx/1.18.0 (Ubuntu)&#xa;  Date: Tue, 14 Nov 2023 22:13:31 GMT&#xa;  Content-Type: text/html&#xa;  Content-Length: 612&#xa;  Connection: close&#xa;  &#xa;  (Request type: HEAD)&#xa;"/><script id="http-server-header" output="nginx/1.18.0 (Ubuntu)"><elem>nginx/1.18.0 (Ubuntu)</elem>
        </script></port>
        <port protocol="tcp" portid="443"><state state="open" reason="syn-ack" reason_ttl="52"/><service name="http" product="nginx" version="1.18.0" extrainfo="Ubuntu" tunnel="ssl" method="probed" conf="10"><cpe>cpe:/a:igor_sysoev:nginx:1.18.0</cpe></service><script id="http-headers" output="&#xa;  Server: nginx/1.18.0 (Ubuntu)&#xa;  Strict-Transport-Security: max-age=63072000&#xa;  Connection: close&#xa;  &#xa;  (Request type: HEAD)&#xa;"/><script id="ssl-cert" output="Subject: commonName=www.example.org/organizationName=Example Org&#xa;Subject Alternative Name: DNS:www.example.org, DNS:example.org&#xa;Issuer: commonName=www.example.org/organizationName=Example Org&#xa;Public Key type: ec&#xa;Public Key bits: 256&#xa;Signature Algorithm: ecdsa-with-SHA256&#xa;Not valid before: 2026-11-26T15:49:13&#xa;Not valid after:  2027-11-26T15:49:13&#xa;SHA-1: eaf4 f6d4 83de 5ac9 f353 27a8 e257 cc00 0e37 c8a6"><table key="subject">
        <elem key="commonName">www.example.org</elem>
        <elem key="organizationName">Example Org</elem>
        </table>
        <table key="issuer">
        <elem key="commonName">www.example.org</elem>
        <elem key="organizationName">Example Org</elem>
        </table>
        <elem key="sig_algo">ecdsa-with-SHA256</elem>
        <table key="validity">
        <elem key="notBefore">2026-11-26T15:49:13</elem>
        <elem key="notAfter">2027-11-26T15:49:13</elem>
        </table>
        <elem key="sha1">eaf4f6d483de5ac9f35327a8e257cc000e37c8a6</elem>
        <elem key="pem">-----BEGIN CERTIFICATE-----&#xa;MIIB3TCCAYSgAwIBAgIUBN6fP0Ey5fGwCjBlQ1Ab/YthnsYwCgYIKoZIzj0EAwIw&#xa;MDEYMBYGA1UEAwwPd3d3LmV4YW1wbGUub3JnMRQwEgYDVQQKDAtFeGFtcGxlIE9y&#xa;ZzAeFw0yNjExMjYxNTQ5MTNaFw0yNzExMjYxNTQ5MTNaMDAxGDAWBgNVBAMMD3d3&#xa;dy5leGFtcGxlLm9yZzEUMBIGA1UECgwLRXhhbXBsZSBPcmcwWTATBgcqhkjOPQIB&#xa;BggqhkjOPQMBBwNCAATFvHSBXyaArmv3BFDzIZBGDi2MlhoGMSTLhpJPhgY120Aw&#xa;uUeq+RMopViMR8/1Hx/MY4x1vcbxi8rN0fDpkdxco3wwejAdBgNVHQ4EFgQUgRoH&#xa;Sn/E+MUcgKGR+ctkusnkm/0wHwYDVR0jBBgwFoAUgRoHSn/E+MUcgKGR+ctkusnk&#xa;m/0wDwYDVR0TAQH/BAUwAwEB/zAnBgNVHREEIDAegg93d3cuZXhhbXBsZS5vcmeC&#xa;C2V4YW1wbGUub3JnMAoGCCqGSM49BAMCA0cAMEQCIHdpGo4ZvS2gb00Z7LQkd+xU&#xa;uPpcYun6nABsa53FO+XNAiA+MIsCKC59zpvn6YcsjKu6YjywL/9gUPstM+lY4SYU&#xa;zQ==&#xa;-----END CERTIFICATE-----&#xa;</elem>
        </script></port>
        <port protocol="tcp" portid="8080"><state state="filtered" reason="no-response" reason_ttl="0"/><service name="http-proxy" method="table" conf="3"/></port>
        </ports>
        <times srtt="21034" rttvar="1533" to="100000"/>
        </host>
        """;

    public const string NamedHost = """
        <host><status state="up" reason="syn-ack" reason_ttl="57"/>
        <address addr="203.0.113.25" addrtype="ipv4"/>
        <hostnames>
        <hostname name="WWW.Example.COM." type="user"/>
        <hostname name="web-25.example.net" type="PTR"/>
        <hostname name="www.example.com" type="PTR"/>
        </hostnames>
        <ports>
        <port protocol="tcp" portid="21"><state state="open" reason="syn-ack" reason_ttl="57"/><service name="ftp" product="vsftpd" version="3.0.3" ostype="Unix" method="probed" conf="10"><cpe>cpe:/a:vsftpd:vsftpd:3.0.3</cpe></service><script id="banner" output="220 (vsFTPd 3.0.3)"/></port>
        <port protocol="udp" portid="5555"><state state="open|filtered" reason="no-response" reason_ttl="0"/><service name="unknown" servicefp="SF-Port5555-UDP:V=7.94SVN%I=7%D=11/14%Time=6553F1B5%P=x86_64-pc-linux-gnu%r(RPCCheck,4,&quot;OK\r\n&quot;);" method="probed" conf="10"/></port>
        </ports>
        </host>
        """;

    public const string Footer = """
        <runstats><finished time="1700000200" timestr="Tue Nov 14 22:16:40 2023" summary="Nmap done at Tue Nov 14 22:16:40 2023; 2 IP addresses (2 hosts up) scanned in 210.00 seconds" elapsed="210.00" exit="success"/><hosts up="2" down="0" total="2"/>
        </runstats>
        </nmaprun>
        """;

    public static string Scan(params string[] hosts) => Header + "\n" + string.Join("\n", hosts) + "\n" + Footer;
}
