import { type IntrinsicInvocation, intrinsicFailure } from './invocation.js';
import { MAX_PAYLOAD_BYTES } from './limits.js';

/** Fails when `value`, as UTF-8 JSON, exceeds the payload quota AWS applies to array arguments. */
export function expectWithinPayloadLimit(invocation: IntrinsicInvocation, value: unknown): void {
  const bytes = Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
  if (bytes > MAX_PAYLOAD_BYTES) {
    throw intrinsicFailure(
      invocation,
      `the input array is ${bytes} bytes, over the ${MAX_PAYLOAD_BYTES}-byte limit`,
    );
  }
}
