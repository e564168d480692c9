import fc from 'fast-check';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { anyJson } from './arbitraries.js';

/** A JWT's three parts, decoded. */
export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signature: string;
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Splits a compact JWT into its decoded header and payload and its raw signature. */
export function decodeJwt(token: string): DecodedJwt {
  const [header = '', payload = '', signature = ''] = token.split('.');
  return {
    header: JSON.parse(Buffer.from(header, 'base64url').toString()) as Record<string, unknown>,
    payload: JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>,
    signature,
  };
}

/** A compact JWT of this header, payload and raw signature, signed by nobody. */
export function assembleJwt(header: unknown, payload: unknown, signature = ''): string {
  return `${b64(header)}.${b64(payload)}.${signature}`;
}

/** An RSA key the user pool never issued, to sign forgeries with, and its public JWK. */
export interface AttackerKey {
  privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
  publicJwk: JWK;
}

/** Makes an attacker's RS256 key. */
export async function attackerKey(): Promise<AttackerKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return { privateKey, publicJwk: await exportJWK(publicKey) };
}

/**
 * Named forgeries of a genuine ID token, each one a way a token can be bad: the test asserts that
 * every one is answered 401 `unauthenticated`, whatever the route.
 */
export async function forgeriesOf(genuine: string, key: AttackerKey): Promise<Record<string, string>> {
  const { header, payload, signature } = decodeJwt(genuine);
  const now = Math.floor(Date.now() / 1000);
  const asBarista = { ...payload, 'cognito:groups': ['barista'] };
  const signed = (claims: Record<string, unknown>, kid = header.kid) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', ...(typeof kid === 'string' && { kid }) })
      .sign(key.privateKey);
  return {
    'alg none, no signature': assembleJwt({ ...header, alg: 'none' }, asBarista),
    'alg none, the genuine signature': assembleJwt({ ...header, alg: 'none' }, asBarista, signature),
    'the claims changed under the genuine signature': assembleJwt(header, asBarista, signature),
    'signed by another key under the pool’s kid': await signed(asBarista),
    'signed by another key under an unknown kid': await signed(asBarista, 'attacker-key'),
    'signed by another key, no kid': await signed(asBarista, null),
    'HS256 keyed with the pool’s public key id': assembleJwt(
      { ...header, alg: 'HS256' },
      asBarista,
      signature,
    ),
    'the signature cut short': `${genuine.slice(0, genuine.lastIndexOf('.') + 1)}${signature.slice(0, 20)}`,
    'the signature dropped': genuine.slice(0, genuine.lastIndexOf('.') + 1),
    'two parts only': genuine.slice(0, genuine.lastIndexOf('.')),
    'expired, re-signed by another key': await signed({ ...payload, exp: now - 60, iat: now - 3700 }),
    'a JWE-shaped token': `${b64({ alg: 'RSA-OAEP', enc: 'A256GCM' })}.a.b.c.d`,
  };
}

/** A random compact JWT: arbitrary JSON in each part, or broken base64url, or the wrong number of parts. */
export const randomJwt: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      fc.oneof(
        anyJson,
        fc.record({
          alg: fc.oneof(fc.constantFrom('RS256', 'none', 'HS256', 'ES256', 'RS512', 'PS256'), anyJson),
          kid: fc.oneof(fc.string(), anyJson),
          typ: fc.oneof(fc.constant('JWT'), anyJson),
          crit: fc.oneof(fc.constant(['b64']), anyJson),
          b64: fc.boolean(),
        }),
      ),
      fc.oneof(
        anyJson,
        fc.record({
          sub: fc.oneof(fc.uuid(), anyJson),
          'cognito:groups': fc.oneof(fc.constant(['barista']), anyJson),
          token_use: fc.oneof(fc.constantFrom('id', 'access'), anyJson),
          exp: fc.oneof(fc.integer(), anyJson),
          iat: fc.oneof(fc.integer(), anyJson),
          aud: anyJson,
          iss: anyJson,
        }),
      ),
      fc.base64String(),
    )
    .map(([header, payload, signature]) => assembleJwt(header, payload, signature.replace(/[+/=]/g, ''))),
  fc
    .array(fc.base64String({ maxLength: 40 }), { minLength: 0, maxLength: 6 })
    .map((parts) => parts.join('.')),
);
