/**
 * Whether a URL a page or a source chose may be fetched by the background. Product pictures come from pages
 * (hostile): without this check the service worker would send blind GETs into the person's own network
 * (`http://192.168.1.1/…`, `http://localhost:…`). Pure: it reads the URL only, so it cannot see a public name
 * that resolves to a private address (DNS rebinding); the browser's own private-network rules are the net there.
 */

/** Names that never leave the machine or the local network. */
const LOCAL_NAME = /(?:^|\.)(?:localhost|local|localdomain|internal|intranet|lan|home|corp|home\.arpa)$/i;

/** An IPv4 address in any form the URL parser accepts: "127.1", "0x7f.0.0.1", "2130706433", "0177.0.0.1". */
export function parseIPv4(host: string): number[] | null {
  const parts = host.split('.');
  if (parts[parts.length - 1] === '') parts.pop();
  if (parts.length === 0 || parts.length > 4) return null;
  const nums: number[] = [];
  for (const p of parts) {
    let n: number;
    if (/^0x[0-9a-f]*$/i.test(p)) n = p.length === 2 ? 0 : Number.parseInt(p.slice(2), 16);
    else if (/^0[0-7]+$/.test(p)) n = Number.parseInt(p.slice(1), 8);
    else if (/^(?:0|[1-9]\d*)$/.test(p)) n = Number(p);
    else return null;
    if (!Number.isSafeInteger(n)) return null;
    nums.push(n);
  }
  const last = nums.pop() as number;
  if (nums.some((n) => n > 255) || last >= 256 ** (4 - nums.length)) return null;
  const bytes = [...nums];
  for (let i = 3 - nums.length; i >= 0; i--) bytes.push(Math.floor(last / 256 ** i) % 256);
  return bytes;
}

/** Whether an IPv4 address is anything but a public unicast one. */
export function isPrivateIPv4([a = 0, b = 0, c = 0]: number[]): boolean {
  return (
    a === 0 || // "this network"
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT
    (a === 169 && b === 254) || // link-local (cloud metadata lives here)
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0 && (c === 0 || c === 2)) ||
    (a === 198 && (b === 18 || b === 19)) || // benchmarking
    (a === 198 && b === 51 && c === 100) ||
    (a === 203 && b === 0 && c === 113) ||
    a >= 224 // multicast, reserved, broadcast
  );
}

/** The eight 16-bit groups of an IPv6 address ("::1", "::ffff:127.0.0.1", "fe80::1%eth0"), or null. */
export function parseIPv6(host: string): number[] | null {
  let h = host.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!h.includes(':')) return null;
  // A dotted IPv4 tail ("::ffff:127.0.0.1") is two more groups.
  const v4 = /:(\d+\.\d+\.\d+\.\d+)$/.exec(h);
  if (v4) {
    const b = parseIPv4(v4[1] as string);
    if (!b) return null;
    const hex = (hi = 0, lo = 0) => ((hi << 8) | lo).toString(16);
    h = `${h.slice(0, v4.index)}:${hex(b[0], b[1])}:${hex(b[2], b[3])}`;
  }
  const halves = h.split('::');
  if (halves.length > 2) return null;
  const group = (s: string) => (s ? s.split(':') : []);
  const head = group(halves[0] as string);
  const rest = halves.length === 2 ? group(halves[1] as string) : [];
  if (![...head, ...rest].every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return null;
  const fill = 8 - head.length - rest.length;
  if (halves.length === 2 ? fill < 1 : fill !== 0) return null;
  return [
    ...head.map((g) => Number.parseInt(g, 16)),
    ...new Array<number>(halves.length === 2 ? fill : 0).fill(0),
    ...rest.map((g) => Number.parseInt(g, 16)),
  ];
}

/** Whether an IPv6 address is anything but a public unicast one (IPv4-mapped and NAT64 ones by their IPv4). */
export function isPrivateIPv6(g: number[]): boolean {
  const [g0 = 0, g1 = 0, , , , g5 = 0, g6 = 0, g7 = 0] = g;
  const v4 = [g6 >> 8, g6 & 255, g7 >> 8, g7 & 255];
  const zeroTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeroTo(8) || (zeroTo(7) && g7 === 1)) return true; // :: and ::1
  if (zeroTo(5) && g5 === 0xffff) return isPrivateIPv4(v4); // IPv4-mapped
  if (zeroTo(6)) return isPrivateIPv4(v4); // IPv4-compatible (deprecated)
  if (g0 === 0x64 && g1 === 0xff9b) return isPrivateIPv4(v4); // NAT64
  return (
    (g0 & 0xfe00) === 0xfc00 || // unique local
    (g0 & 0xffc0) === 0xfe80 || // link-local
    (g0 & 0xffc0) === 0xfec0 || // site-local (deprecated)
    (g0 & 0xff00) === 0xff00 || // multicast
    (g0 === 0x2001 && g1 === 0xdb8) || // documentation
    g0 === 0x100 // discard-only
  );
}

/** Whether a host name (as `URL.hostname` gives it) is the machine itself, the local network or not public. */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (!host) return true;
  const v6 = parseIPv6(host);
  if (v6) return isPrivateIPv6(v6);
  if (host.includes(':') || host.includes('[')) return true; // an address we cannot read: refuse
  const v4 = parseIPv4(host);
  if (v4) return isPrivateIPv4(v4);
  // A single label ("router", "nas") is resolved on the local network.
  return !host.includes('.') || LOCAL_NAME.test(host);
}

/**
 * The URL when the background may fetch it: http(s), no credentials, standard port or any, a public host.
 * Null otherwise, decided without a request.
 */
export function publicHttpUrl(raw: string): URL | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password) return null;
  return isPrivateHost(url.hostname) ? null : url;
}
