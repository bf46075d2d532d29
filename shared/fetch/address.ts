import { isIPv4, isIPv6 } from 'node:net';

/** What kind of network an IP address belongs to; only `public` may be fetched under the SSRF guard. */
export const AddressCategory = {
  Public: 'public',
  Loopback: 'loopback',
  Private: 'private',
  LinkLocal: 'link-local',
  Multicast: 'multicast',
  Unspecified: 'unspecified',
  Reserved: 'reserved',
  Invalid: 'invalid',
} as const;
export type AddressCategory = (typeof AddressCategory)[keyof typeof AddressCategory];

interface RangeSpec {
  cidr: string;
  category: AddressCategory;
}

/** IPv4 ranges that never lead to the public internet. */
const IPV4_RANGES: readonly RangeSpec[] = [
  // "This network"; connecting to 0.0.0.0 reaches the local host on Linux.
  { cidr: '0.0.0.0/8', category: AddressCategory.Unspecified },
  { cidr: '10.0.0.0/8', category: AddressCategory.Private },
  // Shared address space (carrier-grade NAT); inside a VPC it can front internal services.
  { cidr: '100.64.0.0/10', category: AddressCategory.Private },
  { cidr: '127.0.0.0/8', category: AddressCategory.Loopback },
  // Link-local, home of the cloud metadata endpoint 169.254.169.254.
  { cidr: '169.254.0.0/16', category: AddressCategory.LinkLocal },
  { cidr: '172.16.0.0/12', category: AddressCategory.Private },
  { cidr: '192.168.0.0/16', category: AddressCategory.Private },
  // Benchmarking networks; lab equipment, never a news site.
  { cidr: '198.18.0.0/15', category: AddressCategory.Reserved },
  { cidr: '224.0.0.0/4', category: AddressCategory.Multicast },
  // Reserved for future use, including the broadcast address 255.255.255.255.
  { cidr: '240.0.0.0/4', category: AddressCategory.Reserved },
];

/** IPv6 ranges that never lead to the public internet (embedded IPv4 forms are handled separately). */
const IPV6_RANGES: readonly RangeSpec[] = [
  { cidr: '::/128', category: AddressCategory.Unspecified },
  { cidr: '::1/128', category: AddressCategory.Loopback },
  // Unique local addresses; AWS serves instance metadata on fd00:ec2::254.
  { cidr: 'fc00::/7', category: AddressCategory.Private },
  { cidr: 'fe80::/10', category: AddressCategory.LinkLocal },
  // Site-local: deprecated, but still routed inside some private networks.
  { cidr: 'fec0::/10', category: AddressCategory.Private },
  { cidr: 'ff00::/8', category: AddressCategory.Multicast },
];

/**
 * IPv6 prefixes that carry an IPv4 address; the embedded address decides the category, so
 * `::ffff:127.0.0.1` is as much loopback as `127.0.0.1`.
 */
const EMBEDDED_IPV4_PREFIXES: readonly { cidr: string; ipv4Shift: bigint }[] = [
  // IPv4-mapped: the socket API connects these straight to the IPv4 address.
  { cidr: '::ffff:0:0/96', ipv4Shift: 0n },
  // NAT64 well-known prefix: a NAT64 gateway forwards to the embedded IPv4 address.
  { cidr: '64:ff9b::/96', ipv4Shift: 0n },
  // 6to4: the relay's IPv4 address sits in bits 16–47.
  { cidr: '2002::/16', ipv4Shift: 80n },
  // IPv4-compatible (deprecated); `::` and `::1` are classified before this applies.
  { cidr: '::/96', ipv4Shift: 0n },
];

const IPV4_BITS = 32;
const IPV6_BITS = 128;
const IPV6_GROUPS = 8;
const BITS_PER_GROUP = 16n;
const IPV4_MASK = 0xffff_ffffn;

interface ParsedRange<T extends number | bigint> {
  base: T;
  mask: T;
  category: AddressCategory;
}

const PARSED_IPV4_RANGES = IPV4_RANGES.map((range) => parseIpv4Range(range));
const PARSED_IPV6_RANGES = IPV6_RANGES.map((range) => parseIpv6Range(range));
const PARSED_EMBEDDED_PREFIXES = EMBEDDED_IPV4_PREFIXES.map((prefix) => ({
  ...parseIpv6Range({ cidr: prefix.cidr, category: AddressCategory.Public }),
  ipv4Shift: prefix.ipv4Shift,
}));

/**
 * Classifies an IP address literal (IPv4, IPv6, bracketed IPv6 or IPv6 with a zone id).
 * Anything that is not an IP literal is `invalid`.
 *
 * @example
 * classifyAddress('169.254.169.254'); // 'link-local'
 * classifyAddress('::ffff:10.0.0.1'); // 'private'
 * classifyAddress('93.184.215.14');   // 'public'
 */
export function classifyAddress(address: string): AddressCategory {
  const literal = stripBracketsAndZone(address);
  if (isIPv4(literal)) return classifyIpv4(ipv4ToNumber(literal));
  if (isIPv6(literal)) return classifyIpv6(ipv6ToBigInt(literal));
  return AddressCategory.Invalid;
}

/** True when the address is on the public internet, i.e. the SSRF guard lets a request go there. */
export function isPublicAddress(address: string): boolean {
  return classifyAddress(address) === AddressCategory.Public;
}

function classifyIpv4(value: number): AddressCategory {
  const match = PARSED_IPV4_RANGES.find((range) => (value & range.mask) >>> 0 === range.base);
  return match?.category ?? AddressCategory.Public;
}

function classifyIpv6(value: bigint): AddressCategory {
  const exact = PARSED_IPV6_RANGES.find((range) => (value & range.mask) === range.base);
  if (exact) return exact.category;
  const embedding = PARSED_EMBEDDED_PREFIXES.find((prefix) => (value & prefix.mask) === prefix.base);
  if (embedding) return classifyIpv4(Number((value >> embedding.ipv4Shift) & IPV4_MASK));
  return AddressCategory.Public;
}

function stripBracketsAndZone(address: string): string {
  const unbracketed = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const zoneStart = unbracketed.indexOf('%');
  return zoneStart === -1 ? unbracketed : unbracketed.slice(0, zoneStart);
}

function ipv4ToNumber(address: string): number {
  return address.split('.').reduce((value, octet) => ((value << 8) | Number(octet)) >>> 0, 0);
}

/** Expands `::` and a trailing dotted IPv4 part; the input has already passed `isIPv6`. */
function ipv6ToBigInt(address: string): bigint {
  const groups = expandIpv6Groups(address);
  return groups.reduce((value, group) => (value << BITS_PER_GROUP) | BigInt(parseInt(group, 16)), 0n);
}

function expandIpv6Groups(address: string): string[] {
  const withHexTail = replaceDottedTail(address);
  const [head, tail] = withHexTail.split('::') as [string, string | undefined];
  const headGroups = head ? head.split(':') : [];
  if (tail === undefined) return headGroups;
  const tailGroups = tail ? tail.split(':') : [];
  const zeros = Array<string>(IPV6_GROUPS - headGroups.length - tailGroups.length).fill('0');
  return [...headGroups, ...zeros, ...tailGroups];
}

/** `::ffff:1.2.3.4` → `::ffff:102:304`, so every group is hexadecimal. */
function replaceDottedTail(address: string): string {
  const lastColon = address.lastIndexOf(':');
  const tail = address.slice(lastColon + 1);
  if (!isIPv4(tail)) return address;
  const value = ipv4ToNumber(tail);
  const high = (value >>> 16).toString(16);
  const low = (value & 0xffff).toString(16);
  return `${address.slice(0, lastColon + 1)}${high}:${low}`;
}

function parseIpv4Range({ cidr, category }: RangeSpec): ParsedRange<number> {
  const [base, prefix] = splitCidr(cidr);
  const mask = prefix === 0 ? 0 : (~0 << (IPV4_BITS - prefix)) >>> 0;
  return { base: (ipv4ToNumber(base) & mask) >>> 0, mask, category };
}

function parseIpv6Range({ cidr, category }: RangeSpec): ParsedRange<bigint> {
  const [base, prefix] = splitCidr(cidr);
  const allOnes = (1n << BigInt(IPV6_BITS)) - 1n;
  const mask = (allOnes << BigInt(IPV6_BITS - prefix)) & allOnes;
  return { base: ipv6ToBigInt(base) & mask, mask, category };
}

function splitCidr(cidr: string): [string, number] {
  const [base, prefix] = cidr.split('/') as [string, string];
  return [base, Number(prefix)];
}
