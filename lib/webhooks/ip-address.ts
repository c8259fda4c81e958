import { isIPv4, isIPv6 } from "node:net";

// Which resolved addresses a webhook may never reach: private, loopback,
// link-local (cloud metadata at 169.254.169.254), shared (CGNAT), multicast,
// reserved and documentation ranges, also when written as IPv6 (mapped,
// NAT64, 6to4). Loopback only with the development allowance.

type Range = [prefix: number[], bits: number];

const V4_FORBIDDEN: Range[] = [
  [[0, 0, 0, 0], 8], // "this network", 0.0.0.0
  [[10, 0, 0, 0], 8],
  [[100, 64, 0, 0], 10], // shared address space (CGNAT)
  [[169, 254, 0, 0], 16], // link-local, cloud metadata
  [[172, 16, 0, 0], 12],
  [[192, 0, 0, 0], 24],
  [[192, 0, 2, 0], 24],
  [[192, 88, 99, 0], 24],
  [[192, 168, 0, 0], 16],
  [[198, 18, 0, 0], 15],
  [[198, 51, 100, 0], 24],
  [[203, 0, 113, 0], 24],
  [[224, 0, 0, 0], 4], // multicast
  [[240, 0, 0, 0], 4], // reserved, broadcast
];
const V4_LOOPBACK: Range = [[127, 0, 0, 0], 8];

// As bytes of the 16-byte address.
const V6_FORBIDDEN: Range[] = [
  [[0x01, 0x00, 0, 0, 0, 0, 0, 0], 64], // discard-only
  [[0x00, 0x64, 0xff, 0x9b, 0x00, 0x01], 48], // local-use NAT64
  [[0x20, 0x01, 0x00, 0x00], 32], // Teredo
  [[0x20, 0x01, 0x0d, 0xb8], 32], // documentation
  [[0xfc], 7], // unique local
  [[0xfe, 0x80], 10], // link-local
  [[0xfe, 0xc0], 10], // site-local (deprecated)
  [[0xff], 8], // multicast
];

function inRange(bytes: number[], [prefix, bits]: Range): boolean {
  for (let i = 0; i < bits; i += 8) {
    const remaining = Math.min(8, bits - i);
    const mask = (0xff << (8 - remaining)) & 0xff;
    if (((bytes[i / 8] ?? 0) & mask) !== ((prefix[i / 8] ?? 0) & mask)) return false;
  }
  return true;
}

function parseIPv4(ip: string): number[] {
  return ip.split(".").map(Number);
}

// 16 bytes of an IPv6 address (zone id dropped, embedded dotted IPv4 kept).
export function parseIPv6(ip: string): number[] {
  let text = ip.split("%")[0];
  const tail: number[] = [];
  const dotted = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) {
    const v4 = parseIPv4(dotted[1]);
    tail.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
    text = text.slice(0, -dotted[1].length) + "0:0";
  }
  const [head, rest] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = rest !== undefined && rest !== "" ? rest.split(":") : [];
  const missing = 8 - left.length - right.length;
  const groups = [...left, ...(rest !== undefined ? Array(missing).fill("0") : []), ...right].map((group) => parseInt(group, 16));
  if (tail.length) groups.splice(6, 2, ...tail);
  return groups.flatMap((group) => [group >> 8, group & 0xff]);
}

function isForbiddenV4(bytes: number[], allowLoopback: boolean): boolean {
  if (inRange(bytes, V4_LOOPBACK)) return !allowLoopback;
  return V4_FORBIDDEN.some((range) => inRange(bytes, range));
}

export function isForbiddenAddress(ip: string, { allowLoopback = false }: { allowLoopback?: boolean } = {}): boolean {
  if (isIPv4(ip)) return isForbiddenV4(parseIPv4(ip), allowLoopback);
  if (!isIPv6(ip)) return true; // not an address at all: never connect
  const bytes = parseIPv6(ip);
  const firstTen = bytes.slice(0, 10).every((byte) => byte === 0);
  const mapped = firstTen && bytes[10] === 0xff && bytes[11] === 0xff; // ::ffff:a.b.c.d
  if (mapped) return isForbiddenV4(bytes.slice(12), allowLoopback);
  if (firstTen && bytes[10] === 0 && bytes[11] === 0) {
    // ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d
    const isLoopback = bytes.slice(12, 15).every((byte) => byte === 0) && bytes[15] === 1;
    return isLoopback ? !allowLoopback : true;
  }
  if (inRange(bytes, [[0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0], 96])) return isForbiddenV4(bytes.slice(12), false); // NAT64
  if (inRange(bytes, [[0x20, 0x02], 16])) return isForbiddenV4(bytes.slice(2, 6), false); // 6to4
  return V6_FORBIDDEN.some((range) => inRange(bytes, range));
}
