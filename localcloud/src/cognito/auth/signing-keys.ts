import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import type { SigningKeyRecord, UserPoolRecord } from '../records.js';

/** The only algorithm Cognito signs user-pool tokens with. */
export const SIGNING_ALGORITHM = 'RS256';

type ImportedKey = Awaited<ReturnType<typeof importJWK>>;

/** Generates a pool's RSA signing key, identified by its JWK thumbprint. */
export async function newSigningKey(): Promise<SigningKeyRecord> {
  const { privateKey, publicKey } = await generateKeyPair(SIGNING_ALGORITHM, {
    extractable: true,
    modulusLength: 2048,
  });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  return {
    kid,
    privateJwk: await exportJWK(privateKey),
    publicJwk: { ...publicJwk, kid, alg: SIGNING_ALGORITHM, use: 'sig' },
  };
}

/** The JSON Web Key Set a pool publishes at `/{poolId}/.well-known/jwks.json`. */
export function jwksOf(pool: UserPoolRecord): { keys: JWK[] } {
  return { keys: [pool.signingKey.publicJwk] };
}

/** The pools' signing keys, imported once each. */
export class SigningKeys {
  private readonly imported = new Map<string, { privateKey: ImportedKey; publicKey: ImportedKey }>();

  /** The key that signs `pool`'s tokens. */
  async privateKey(pool: UserPoolRecord): Promise<ImportedKey> {
    return (await this.of(pool)).privateKey;
  }

  /** The key that verifies `pool`'s tokens. */
  async publicKey(pool: UserPoolRecord): Promise<ImportedKey> {
    return (await this.of(pool)).publicKey;
  }

  private async of(pool: UserPoolRecord) {
    let keys = this.imported.get(pool.id);
    if (!keys) {
      keys = {
        privateKey: await importJWK(pool.signingKey.privateJwk, SIGNING_ALGORITHM),
        publicKey: await importJWK(pool.signingKey.publicJwk, SIGNING_ALGORITHM),
      };
      this.imported.set(pool.id, keys);
    }
    return keys;
  }
}
