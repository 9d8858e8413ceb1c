// Recognises what an analyst typed into the search box. Pure: no DOM, no API.

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HOSTNAME = /^(?=.{1,253}$)([a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/i;
const CVE = /^CVE-\d{4}-\d{4,}$/i;
const SHA1 = /^[0-9a-f]{40}$/i;
const SHA256 = /^[0-9a-f]{64}$/i;
const COLON_SHA1 = /^([0-9a-f]{2}:){19}[0-9a-f]{2}$/i;
const COLON_SHA256 = /^([0-9a-f]{2}:){31}[0-9a-f]{2}$/i;
const TRACKERS = [
  ['GoogleAnalyticsID', /^UA-\d{4,10}-\d{1,4}$/i],
  ['GoogleAnalytics4ID', /^G-[A-Z0-9]{4,12}$/i],
  ['GoogleTagManagerId', /^GTM-[A-Z0-9]{4,10}$/i],
  ['GoogleAdSenseId', /^ca-pub-\d{10,20}$/i],
  ['NewRelicId', /^NRJS-[0-9a-f]{10,40}$/i],
];

export const KIND_LABELS = {
  hostname: 'host name',
  ipv4: 'IPv4 address',
  ipv6: 'IPv6 address',
  cidr: 'CIDR block',
  cve: 'CVE id',
  sha1: 'SHA-1 certificate hash',
  sha256: 'SHA-256 certificate fingerprint',
  tracker: 'tracker id',
  text: 'free text',
};

export function isIpv6(value) {
  if (!value.includes(':') || !/^[0-9a-f:.]+$/i.test(value)) return false;
  try {
    new URL(`http://[${value}]/`);
    return true;
  } catch {
    return false;
  }
}

/** Undoes the usual defanging: hxxp, [.], (.), [dot], [:]. */
export function refang(value) {
  return value
    .replace(/^hxxp/i, 'http')
    .replace(/\[\.\]|\(\.\)|\[dot\]|\(dot\)/gi, '.')
    .replace(/\[:\]/g, ':');
}

/** A pasted URL or host:port leaves its host. */
function hostOf(value) {
  const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : null;
  if (url) {
    try {
      return new URL(url).hostname.replace(/^\[|\]$/g, '');
    } catch {
      return value;
    }
  }
  const port = /^([^:/\s]+):\d{1,5}$/.exec(value);
  return port ? port[1] : value;
}

/** { kind, value, label, trackerKind? } for a query. */
export function classify(input) {
  const raw = refang(String(input || '').trim());
  const result = (kind, value, extra = {}) => ({ kind, value, label: KIND_LABELS[kind], ...extra });
  if (!raw) return result('text', '');
  if (CVE.test(raw)) return result('cve', raw.toUpperCase());
  const cidr = /^([^/\s]+)\/(\d{1,3})$/.exec(raw);
  if (cidr && ((IPV4.test(cidr[1]) && Number(cidr[2]) <= 32) || (isIpv6(cidr[1]) && Number(cidr[2]) <= 128))) {
    return result('cidr', `${cidr[1].toLowerCase()}/${Number(cidr[2])}`);
  }
  if (SHA256.test(raw) || COLON_SHA256.test(raw)) return result('sha256', raw.replaceAll(':', '').toUpperCase());
  if (SHA1.test(raw) || COLON_SHA1.test(raw)) return result('sha1', raw.replaceAll(':', '').toLowerCase());
  for (const [trackerKind, pattern] of TRACKERS) {
    if (pattern.test(raw)) {
      const value = trackerKind === 'GoogleAdSenseId' || trackerKind === 'NewRelicId' ? raw : raw.toUpperCase();
      return result('tracker', value, { trackerKind });
    }
  }
  const host = hostOf(raw);
  if (IPV4.test(host)) return result('ipv4', host);
  if (isIpv6(host)) return result('ipv6', host.toLowerCase());
  if (!/\s/.test(host) && HOSTNAME.test(host.replace(/\.$/, ''))) return result('hostname', host.replace(/\.$/, '').toLowerCase());
  return result('text', raw);
}
