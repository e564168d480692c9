import { MAX_PAYLOAD_BYTES } from './publish.js';
import { MAX_TOPIC_BYTES } from './topic-name.js';

/**
 * The longest "remaining length" (the part of an MQTT packet after its fixed header) a client may
 * send: a PUBLISH of IoT Core's largest payload to its longest topic, with the topic's length
 * field and a packet id. https://docs.aws.amazon.com/general/latest/gr/iot-core.html#message-broker-limits
 */
export const MAX_REMAINING_LENGTH = MAX_PAYLOAD_BYTES + MAX_TOPIC_BYTES + 4;

/** The longest fixed header: the type byte and a four-byte remaining length (MQTT 3.1.1, 2.2.3). */
const MAX_FIXED_HEADER_BYTES = 5;

/** The longest WebSocket message a client may send: one packet of {@link MAX_REMAINING_LENGTH}. */
export const MAX_WEBSOCKET_MESSAGE_BYTES = MAX_REMAINING_LENGTH + MAX_FIXED_HEADER_BYTES;

/**
 * Follows the MQTT packets of one connection's incoming bytes, however they are split, by their
 * fixed headers alone, and tells as soon as a header announces a packet longer than the limit.
 * The broker's parser holds a packet in memory until the last of its bytes arrives, so without
 * this one client could make the process hold hundreds of megabytes before anything refuses it.
 */
export class PacketSizeLimit {
  /** Bytes of the current packet's body still to come. */
  private bodyLeft = 0;
  /** The fixed header read so far: the type byte, then remaining-length bytes. */
  private header: number[] = [];

  constructor(private readonly maxRemainingLength = MAX_REMAINING_LENGTH) {}

  /**
   * Reads the next bytes of the connection; `false` once a packet is announced longer than the
   * limit, or with a remaining length that is not valid (more than four bytes).
   */
  accepts(bytes: Uint8Array): boolean {
    let index = 0;
    while (index < bytes.length) {
      if (this.bodyLeft > 0) {
        const skipped = Math.min(this.bodyLeft, bytes.length - index);
        this.bodyLeft -= skipped;
        index += skipped;
        continue;
      }
      const byte = bytes[index++] as number;
      this.header.push(byte);
      if (this.header.length === 1) continue;
      if (byte & 0x80) {
        if (this.header.length === MAX_FIXED_HEADER_BYTES) return false;
        continue;
      }
      const length = remainingLength(this.header);
      this.header = [];
      if (length > this.maxRemainingLength) return false;
      this.bodyLeft = length;
    }
    return true;
  }
}

/** The remaining length a fixed header (type byte first) encodes: base 128, least significant first. */
function remainingLength(header: readonly number[]): number {
  let length = 0;
  for (let i = header.length - 1; i >= 1; i--) length = length * 128 + ((header[i] as number) & 0x7f);
  return length;
}
