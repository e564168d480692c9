import { PatternRuleError } from './pattern-error.js';

/** An IP address as a number, with its version. */
export interface IpAddress {
  version: 4 | 6;
  value: bigint;
}

/** A CIDR block: its network address (host bits cleared) and prefix length. */
export interface CidrBlock {
  version: 4 | 6;
  network: bigint;
  prefixLength: number;
}

/**
 * Parses a `cidr` value, IPv4 (`10.0.0.0/24`) or IPv6 (`2001:db8::/32`). A bare address is a
 * block of one.
 *
 * @throws PatternRuleError when the value is not a CIDR block.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html#eb-filtering-ip-matching
 */
export function parseCidr(text: string): CidrBlock {
  const [addressText = '', lengthText, ...rest] = text.split('/');
  const address = parseIpAddress(addressText);
  const bits = address?.version === 4 ? 32 : 128;
  const prefixLength =
    lengthText === undefined ? bits : /^\d{1,3}$/.test(lengthText) ? Number(lengthText) : -1;
  if (!address || rest.length > 0 || prefixLength < 0 || prefixLength > bits) {
    throw new PatternRuleError(`Nonstandard IP address: ${text}`);
  }
  return { version: address.version, network: maskOf(address.value, bits, prefixLength), prefixLength };
}

/** Whether `address` (an IP address as text) lies in `block`; text that is no address never does. */
export function inCidr(block: CidrBlock, address: string): boolean {
  const parsed = parseIpAddress(address);
  if (!parsed || parsed.version !== block.version) return false;
  const bits = block.version === 4 ? 32 : 128;
  return maskOf(parsed.value, bits, block.prefixLength) === block.network;
}

function maskOf(value: bigint, bits: number, prefixLength: number): bigint {
  const hostBits = BigInt(bits - prefixLength);
  return (value >> hostBits) << hostBits;
}

/** Parses a dotted-quad IPv4 or a (possibly compressed) IPv6 address. */
export function parseIpAddress(text: string): IpAddress | undefined {
  if (text.includes(':')) return parseIpv6(text);
  const value = parseIpv4(text);
  return value === undefined ? undefined : { version: 4, value };
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

function parseIpv6(text: string): IpAddress | undefined {
  let groups: string[];
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves[1] ? halves[1].split(':') : [];
  // An embedded IPv4 tail (`::ffff:10.0.0.1`) stands for the last two groups.
  const last = (halves.length === 2 ? tail : head).at(-1);
  let ipv4Tail: bigint | undefined;
  if (last?.includes('.')) {
    ipv4Tail = parseIpv4(last);
    if (ipv4Tail === undefined) return undefined;
    (halves.length === 2 ? tail : head).pop();
  }
  const width = ipv4Tail === undefined ? 8 : 6;
  if (halves.length === 2) {
    const missing = width - head.length - tail.length;
    if (missing < 1) return undefined;
    groups = [...head, ...Array<string>(missing).fill('0'), ...tail];
  } else {
    groups = head;
  }
  if (groups.length !== width) return undefined;
  let value = 0n;
  for (const group of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
    value = (value << 16n) | BigInt(`0x${group}`);
  }
  if (ipv4Tail !== undefined) value = (value << 32n) | ipv4Tail;
  return { version: 6, value };
}
