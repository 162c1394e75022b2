/**
 * IP addresses and CIDRs read the way Go's `net.ParseIP` and `net.ParseCIDR` read them (Go ≥ 1.22,
 * where both sit on `net/netip.ParseAddr`), because kind's config validation
 * (sigs.k8s.io/kind pkg/internal/apis/config/validate.go: validateSubnets, validatePortMappings)
 * decides with them. The rules, as netip implements them:
 * - the first of '.', ':' or '%' in the text picks the form: IPv4 dotted decimal, IPv6, or an error;
 * - IPv4: exactly four decimal fields, each 0–255, no empty field, no leading zero ("010" is refused);
 * - IPv6: up to eight groups of 1–4 hex digits, one "::" at most which must stand for at least one
 *   zero group, optionally ending in an embedded IPv4 in the last 32 bits;
 * - a zone ("fe80::1%eth0") is refused by both ParseIP and ParseCIDR;
 * - a CIDR's prefix length is decimal digits only (leading zeros allowed), at most 32 for an IPv4
 *   address and 128 for an IPv6 one (an IPv4-mapped IPv6 address counts as IPv6 here).
 */

/** 16 bytes, IPv4 addresses in their IPv4-mapped form (::ffff:a.b.c.d), as Go's net.IP keeps them. */
export type Ip16 = Uint8Array;

function parseIPv4Into(text: string, out: Uint8Array, at: number): boolean {
  const fields = text.split('.');
  if (fields.length !== 4) return false;
  for (let i = 0; i < 4; i++) {
    const field = fields[i] ?? '';
    if (!/^[0-9]{1,3}$/.test(field)) return false;
    if (field.length > 1 && field.startsWith('0')) return false;
    const value = Number(field);
    if (value > 255) return false;
    out[at + i] = value;
  }
  return true;
}

function parseIPv6(text: string): Ip16 | undefined {
  const ip = new Uint8Array(16);
  let rest = text;
  let ellipsis = -1;
  if (rest.startsWith('::')) {
    ellipsis = 0;
    rest = rest.slice(2);
    if (rest === '') return ip;
  }
  let filled = 0;
  while (filled < 16) {
    const digits = /^[0-9a-fA-F]*/.exec(rest)?.[0] ?? '';
    if (digits.length === 0 || digits.length > 4) return undefined;
    if (rest[digits.length] === '.') {
      // An embedded IPv4 must fill the last four bytes: either right after six groups or after a "::".
      if ((ellipsis < 0 && filled !== 12) || filled + 4 > 16) return undefined;
      if (!parseIPv4Into(rest, ip, filled)) return undefined;
      filled += 4;
      rest = '';
      break;
    }
    const group = parseInt(digits, 16);
    ip[filled] = group >> 8;
    ip[filled + 1] = group & 0xff;
    filled += 2;
    rest = rest.slice(digits.length);
    if (rest === '') break;
    if (rest[0] !== ':' || rest.length === 1) return undefined;
    rest = rest.slice(1);
    if (rest[0] === ':') {
      if (ellipsis >= 0) return undefined;
      ellipsis = filled;
      rest = rest.slice(1);
      if (rest === '') break;
    }
  }
  if (rest !== '') return undefined;
  if (filled < 16) {
    if (ellipsis < 0) return undefined;
    const gap = 16 - filled;
    const tail = ip.slice(ellipsis, filled);
    ip.fill(0, ellipsis);
    ip.set(tail, ellipsis + gap);
  } else if (ellipsis >= 0) {
    return undefined;
  }
  return ip;
}

interface ParsedAddr {
  ip: Ip16;
  /** Written as IPv4 dotted decimal (not an IPv4-mapped IPv6 address). */
  is4: boolean;
}

function parseAddr(text: string): ParsedAddr | undefined {
  const first = /[.:%]/.exec(text)?.[0];
  if (first === '.') {
    const ip = new Uint8Array(16);
    ip[10] = 0xff;
    ip[11] = 0xff;
    return parseIPv4Into(text, ip, 12) ? { ip, is4: true } : undefined;
  }
  if (first === ':') {
    if (text.includes('%')) return undefined; // a zone: refused by ParseIP and ParseCIDR alike
    const ip = parseIPv6(text);
    return ip ? { ip, is4: false } : undefined;
  }
  return undefined;
}

/** Go's net.ParseIP: the address, or undefined where Go returns nil. */
export function parseGoIP(text: string): Ip16 | undefined {
  return parseAddr(text)?.ip;
}

/** Whether Go's `ip.To4()` is non-nil: the address is IPv4 or IPv4-mapped IPv6. */
export function isGoIPv4(ip: Ip16): boolean {
  return ip.slice(0, 10).every((b) => b === 0) && ip[10] === 0xff && ip[11] === 0xff;
}

/** Go's IP.String() for the cases kind compares: dotted for IPv4 (and mapped), hex bytes otherwise. */
export function goIPKey(ip: Ip16): string {
  if (isGoIPv4(ip)) return Array.from(ip.slice(12)).join('.');
  return Array.from(ip, (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface GoCidr {
  /** The network address (the address with the host bits cleared), as Go's IPNet.IP. */
  network: Ip16;
  /** Whether Go's `ipnet.IP.To4()` is non-nil for that network address. */
  isIPv4: boolean;
}

/** Go's net.ParseCIDR: the network, or undefined where Go returns an error. */
export function parseGoCIDR(text: string): GoCidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const addr = parseAddr(text.slice(0, slash));
  const maskText = text.slice(slash + 1);
  if (!addr || !/^[0-9]+$/.test(maskText)) return undefined;
  const bits = Number(maskText.length > 8 ? Number.MAX_SAFE_INTEGER : maskText);
  const max = addr.is4 ? 32 : 128;
  if (bits > max) return undefined;
  // Clear host bits over the address as written (IPv4: its 4 bytes; IPv6: all 16).
  const network = new Uint8Array(addr.ip);
  const offset = addr.is4 ? 12 : 0;
  for (let bit = bits; bit < max; bit++) {
    const index = offset + (bit >> 3);
    network[index] = (network[index] ?? 0) & ~(0x80 >> (bit & 7));
  }
  return { network, isIPv4: addr.is4 || isGoIPv4(network) };
}
