import {
  AdminGetUserCommand,
  ConfirmSignUpCommand,
  GetUserCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { passwordSignIn, signUpCustomer, useShopTestBed } from './support.js';

const { bed, staff, customers } = useShopTestBed({ staffUsers: { barista: ['barista'] }, customers: true });
let staffRefreshToken: string;
let staffAccessToken: string;
let signUpCode: string;
let otpSession: string;
beforeAll(async () => {
  // Arrange: everything the service keeps, then a restart.
  const signedIn = await passwordSignIn(bed.idp, staff.clientId);
  staffRefreshToken = signedIn.AuthenticationResult?.RefreshToken as string;
  staffAccessToken = signedIn.AuthenticationResult?.AccessToken as string;
  await signUpCustomer(bed.idp, customers.clientId, 'pending@example.com');
  signUpCode = bed.lastCode('pending@example.com');
  await signUpCustomer(bed.idp, customers.clientId, 'regular@example.com');
  await bed.idp.send(
    new ConfirmSignUpCommand({
      ClientId: customers.clientId,
      Username: 'regular@example.com',
      ConfirmationCode: bed.lastCode('regular@example.com'),
    }),
  );
  const challenge = await bed.idp.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_AUTH',
      ClientId: customers.clientId,
      AuthParameters: { USERNAME: 'regular@example.com', PREFERRED_CHALLENGE: 'EMAIL_OTP' },
    }),
  );
  otpSession = challenge.Session as string;
  await bed.restart();
});

describe('after a restart', () => {
  it('keeps users, passwords and groups', async () => {
    // Act
    const result = await passwordSignIn(bed.idp, staff.clientId);

    // Assert
    expect(decodeJwt(result.AuthenticationResult?.IdToken as string)['cognito:groups']).toEqual(['barista']);
  });

  it('keeps refresh tokens and the signing key', async () => {
    // Act
    const refreshed = await bed.idp.send(
      new InitiateAuthCommand({
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        ClientId: staff.clientId,
        AuthParameters: { REFRESH_TOKEN: staffRefreshToken },
      }),
    );
    const user = await bed.idp.send(new GetUserCommand({ AccessToken: staffAccessToken }));

    // Assert
    const jwks = createRemoteJWKSet(new URL(`${bed.edge.url}/${staff.poolId}/.well-known/jwks.json`));
    await expect(jwtVerify(staffAccessToken, jwks)).resolves.toBeDefined();
    await expect(
      jwtVerify(refreshed.AuthenticationResult?.AccessToken as string, jwks),
    ).resolves.toBeDefined();
    expect(user.Username).toBe('barista');
  });

  it('keeps pending sign-up codes', async () => {
    // Act
    const confirmed = await bed.idp.send(
      new ConfirmSignUpCommand({
        ClientId: customers.clientId,
        Username: 'pending@example.com',
        ConfirmationCode: signUpCode,
      }),
    );

    // Assert
    expect(confirmed.Session).toEqual(expect.any(String));
    const user = await bed.idp.send(
      new AdminGetUserCommand({ UserPoolId: customers.poolId, Username: 'pending@example.com' }),
    );
    expect(user.UserStatus).toBe('CONFIRMED');
  });

  it('keeps sign-in sessions waiting for their code', async () => {
    // Act
    const answered = await bed.idp.send(
      new RespondToAuthChallengeCommand({
        ClientId: customers.clientId,
        ChallengeName: 'EMAIL_OTP',
        Session: otpSession,
        ChallengeResponses: {
          USERNAME: 'regular@example.com',
          EMAIL_OTP_CODE: bed.lastCode('regular@example.com'),
        },
      }),
    );

    // Assert
    expect(answered.AuthenticationResult?.IdToken).toEqual(expect.any(String));
  });

  it('keeps the outbox', () => {
    // Assert
    expect(bed.outbox.list().map((message) => message.to)).toEqual([
      'pending@example.com',
      'regular@example.com',
      'regular@example.com',
    ]);
  });
});
