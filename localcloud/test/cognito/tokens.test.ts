import {
  type AuthenticationResultType,
  ConfirmSignUpCommand,
  CreateUserPoolClientCommand,
  GetTokensFromRefreshTokenCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  RevokeTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { errorOf, passwordSignIn, signUpCustomer, useShopTestBed } from './support.js';

const { bed, staff, customers } = useShopTestBed({ staffUsers: { barista: ['barista'] }, customers: true });

async function staffTokens(clientId = staff.clientId): Promise<AuthenticationResultType> {
  const result = await passwordSignIn(bed.idp, clientId);
  return result.AuthenticationResult as AuthenticationResultType;
}

async function customerTokens(email: string): Promise<AuthenticationResultType> {
  await signUpCustomer(bed.idp, customers.clientId, email);
  const { Session } = await bed.idp.send(
    new ConfirmSignUpCommand({
      ClientId: customers.clientId,
      Username: email,
      ConfirmationCode: bed.lastCode(email),
    }),
  );
  const result = await bed.idp.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_AUTH',
      ClientId: customers.clientId,
      AuthParameters: { USERNAME: email },
      Session,
    }),
  );
  return result.AuthenticationResult as AuthenticationResultType;
}

function refresh(refreshToken: string | undefined, clientId = staff.clientId) {
  return bed.idp.send(
    new InitiateAuthCommand({
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: clientId,
      AuthParameters: { REFRESH_TOKEN: refreshToken as string },
    }),
  );
}

describe('token claims and the JWKS', () => {
  it('signs ID and access tokens that verify against the pool JWKS with Cognito claims', async () => {
    // Arrange
    const tokens = await customerTokens('jwks@example.com');
    const issuer = `${bed.edge.url}/${customers.poolId}`;
    const jwks = createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`));

    // Act
    const id = await jwtVerify(tokens.IdToken as string, jwks, { issuer, audience: customers.clientId });
    const access = await jwtVerify(tokens.AccessToken as string, jwks, { issuer });

    // Assert
    expect(decodeProtectedHeader(tokens.IdToken as string)).toEqual({
      alg: 'RS256',
      kid: expect.any(String),
    });
    expect(id.payload).toEqual({
      sub: expect.any(String),
      email: 'jwks@example.com',
      email_verified: true,
      iss: issuer,
      'cognito:username': id.payload.sub,
      origin_jti: expect.any(String),
      aud: customers.clientId,
      event_id: expect.any(String),
      token_use: 'id',
      auth_time: expect.any(Number),
      exp: (id.payload.iat as number) + 3600,
      iat: expect.any(Number),
      jti: expect.any(String),
    });
    expect(access.payload).toEqual({
      sub: id.payload.sub,
      iss: issuer,
      client_id: customers.clientId,
      origin_jti: id.payload.origin_jti,
      event_id: id.payload.event_id,
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      auth_time: id.payload.auth_time,
      exp: (access.payload.iat as number) + 3600,
      iat: expect.any(Number),
      jti: expect.any(String),
      username: id.payload.sub,
    });
    expect(access.payload.jti).not.toBe(id.payload.jti);
  });

  it('publishes an OpenID configuration naming the issuer and JWKS', async () => {
    // Act
    const response = await fetch(`${bed.edge.url}/${staff.poolId}/.well-known/openid-configuration`);

    // Assert
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      issuer: `${bed.edge.url}/${staff.poolId}`,
      jwks_uri: `${bed.edge.url}/${staff.poolId}/.well-known/jwks.json`,
      id_token_signing_alg_values_supported: ['RS256'],
    });
  });

  it('answers 404 for the JWKS of an unknown pool', async () => {
    // Act
    const response = await fetch(`${bed.edge.url}/us-east-1_unknown99/.well-known/jwks.json`);

    // Assert
    expect(response.status).toBe(404);
  });
});

describe('refreshing', () => {
  it('issues new tokens of the same session with REFRESH_TOKEN_AUTH', async () => {
    // Arrange
    const first = await staffTokens();
    bed.advance(2000);

    // Act
    const refreshed = await refresh(first.RefreshToken);

    // Assert
    const tokens = refreshed.AuthenticationResult as AuthenticationResultType;
    expect(tokens.RefreshToken).toBeUndefined();
    const before = await jwtVerify(
      first.IdToken as string,
      createRemoteJWKSet(new URL(jwksUrl(staff.poolId))),
    );
    const after = await jwtVerify(
      tokens.IdToken as string,
      createRemoteJWKSet(new URL(jwksUrl(staff.poolId))),
    );
    expect(after.payload.origin_jti).toBe(before.payload.origin_jti);
    expect(after.payload.auth_time).toBe(before.payload.auth_time);
    expect(after.payload.iat).toBeGreaterThan(before.payload.iat as number);
    expect(after.payload['cognito:groups']).toEqual(['barista']);
  });

  it('issues new tokens with GetTokensFromRefreshToken, as Amplify refreshes', async () => {
    // Arrange
    const first = await staffTokens();

    // Act
    const refreshed = await bed.idp.send(
      new GetTokensFromRefreshTokenCommand({ ClientId: staff.clientId, RefreshToken: first.RefreshToken }),
    );

    // Assert
    expect(refreshed.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
  });

  it.each([
    ['a made-up token', 'not-a-token'],
    ['a token with a forged secret', 'f2b6c3a0-0000-4000-8000-000000000000.forged'],
  ])('refuses %s', async (_case, token) => {
    // Act
    const error = await errorOf(refresh(token));

    // Assert
    expect(error.name).toBe('NotAuthorizedException');
    expect(error.message).toBe('Invalid Refresh Token');
  });

  it('refuses a refresh token at another client of the pool', async () => {
    // Arrange
    const first = await staffTokens();
    const other = await bed.idp.send(
      new CreateUserPoolClientCommand({
        UserPoolId: staff.poolId,
        ClientName: 'other',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );

    // Act
    const error = await errorOf(refresh(first.RefreshToken, other.UserPoolClient?.ClientId));

    // Assert
    expect(error.name).toBe('NotAuthorizedException');
  });
});

describe('GetUser and signing out', () => {
  it('returns the attributes of the access token holder', async () => {
    // Arrange
    const tokens = await customerTokens('getuser@example.com');

    // Act
    const user = await bed.idp.send(new GetUserCommand({ AccessToken: tokens.AccessToken }));

    // Assert
    expect(user.UserAttributes).toEqual([
      { Name: 'sub', Value: user.Username },
      { Name: 'email', Value: 'getuser@example.com' },
      { Name: 'email_verified', Value: 'true' },
    ]);
  });

  it('refuses an expired access token', async () => {
    // Arrange
    const tokens = await staffTokens();
    bed.advance(3601 * 1000);

    // Act
    const error = await errorOf(bed.idp.send(new GetUserCommand({ AccessToken: tokens.AccessToken })));

    // Assert
    expect(error.name).toBe('NotAuthorizedException');
    expect(error.message).toBe('Access Token has expired');
  });

  it('GlobalSignOut revokes every refresh token and access token of the user', async () => {
    // Arrange
    const phone = await staffTokens();
    const tablet = await staffTokens();

    // Act
    await bed.idp.send(new GlobalSignOutCommand({ AccessToken: phone.AccessToken }));

    // Assert
    for (const tokens of [phone, tablet]) {
      const error = await errorOf(refresh(tokens.RefreshToken));
      expect(error.name).toBe('NotAuthorizedException');
    }
    const getUser = await errorOf(bed.idp.send(new GetUserCommand({ AccessToken: tablet.AccessToken })));
    expect(getUser.message).toBe('Access Token has been revoked');
    expect((await staffTokens()).AccessToken).toEqual(expect.any(String));
  });

  it('RevokeToken revokes one session and leaves the others', async () => {
    // Arrange
    const revoked = await staffTokens();
    const kept = await staffTokens();

    // Act
    await bed.idp.send(new RevokeTokenCommand({ ClientId: staff.clientId, Token: revoked.RefreshToken }));

    // Assert
    expect((await errorOf(refresh(revoked.RefreshToken))).name).toBe('NotAuthorizedException');
    expect((await refresh(kept.RefreshToken)).AuthenticationResult).toBeDefined();
  });
});

function jwksUrl(poolId: string): string {
  return `${bed.edge.url}/${poolId}/.well-known/jwks.json`;
}
