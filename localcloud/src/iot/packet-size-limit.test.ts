import { describe, expect, it } from 'vitest';
import { MAX_REMAINING_LENGTH, PacketSizeLimit } from './packet-size-limit.js';

/** An MQTT fixed header: the type byte, then `length` in base 128, least significant first. */
function fixedHeader(type: number, length: number): number[] {
  const bytes = [type];
  do {
    let digit = length % 128;
    length = Math.floor(length / 128);
    if (length > 0) digit |= 0x80;
    bytes.push(digit);
  } while (length > 0);
  return bytes;
}

/** A whole packet of `length` body bytes. */
const packet = (type: number, length: number) => [...fixedHeader(type, length), ...new Array(length).fill(7)];

const PUBLISH = 0x30;
const PINGREQ = 0xc0;

describe('PacketSizeLimit', () => {
  it('accepts packets up to the limit, however the bytes are split, zero-length ones among them', () => {
    const bytes = [
      ...packet(PUBLISH, 300),
      ...packet(PINGREQ, 0),
      ...packet(PUBLISH, MAX_REMAINING_LENGTH),
      ...packet(PINGREQ, 0),
    ];
    for (const size of [1, 2, 3, 7, 1000, bytes.length]) {
      const limit = new PacketSizeLimit();
      for (let i = 0; i < bytes.length; i += size)
        expect(limit.accepts(Uint8Array.from(bytes.slice(i, i + size)))).toBe(true);
    }
  });

  it('refuses at the header of a packet one byte over the limit, before any of its body', () => {
    const limit = new PacketSizeLimit();
    expect(limit.accepts(Uint8Array.from(packet(PUBLISH, 10)))).toBe(true);

    expect(limit.accepts(Uint8Array.from(fixedHeader(PUBLISH, MAX_REMAINING_LENGTH + 1)))).toBe(false);
  });

  it('refuses a header split byte by byte announcing 100 MB', () => {
    const limit = new PacketSizeLimit();
    const header = fixedHeader(PUBLISH, 100_000_000);
    const answers = header.map((byte) => limit.accepts(Uint8Array.of(byte)));

    expect(answers.at(-1)).toBe(false);
    expect(answers.slice(0, -1).every(Boolean)).toBe(true);
  });

  it('takes a body that spans the end of one chunk and the header of the next packet in the same one', () => {
    const limit = new PacketSizeLimit(100);
    const bytes = [...packet(PUBLISH, 100), ...fixedHeader(PUBLISH, 101)];

    expect(limit.accepts(Uint8Array.from(bytes.slice(0, 50)))).toBe(true);
    expect(limit.accepts(Uint8Array.from(bytes.slice(50)))).toBe(false);
  });

  it('refuses a remaining length of more than four bytes, which MQTT does not allow', () => {
    const limit = new PacketSizeLimit(Number.MAX_SAFE_INTEGER);

    expect(limit.accepts(Uint8Array.of(PUBLISH, 0x80, 0x80, 0x80, 0x80, 0x01))).toBe(false);
  });
});
