import {
  ConfirmSignUpCommand,
  type ConfirmSignUpCommandOutput,
  InitiateAuthCommand,
  ResendConfirmationCodeCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { createPoolAndClient, errorOf, signUpCustomer, useShopTestBed } from './support.js';

const { bed, customers } = useShopTestBed({ customers: true });

let emails = 0;
function newEmail(): string {
  return `customer-${++emails}@example.com`;
}

function signUp(email: string) {
  return signUpCustomer(bed.idp, customers.clientId, email);
}

function confirm(email: string, code: string): Promise<ConfirmSignUpCommandOutput> {
  return bed.idp.send(
    new ConfirmSignUpCommand({ ClientId: customers.clientId, Username: email, ConfirmationCode: code }),
  );
}

function userAuth(email: string, extra: { preferred?: string; session?: string } = {}) {
  return bed.idp.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_AUTH',
      ClientId: customers.clientId,
      AuthParameters: {
        USERNAME: email,
        ...(extra.preferred !== undefined && { PREFERRED_CHALLENGE: extra.preferred }),
      },
      ...(extra.session !== undefined && { Session: extra.session }),
    }),
  );
}

function answerCode(email: string, session: string | undefined, code: string) {
  return bed.idp.send(
    new RespondToAuthChallengeCommand({
      ClientId: customers.clientId,
      ChallengeName: 'EMAIL_OTP',
      Session: session,
      ChallengeResponses: { USERNAME: email, EMAIL_OTP_CODE: code },
    }),
  );
}

/** Signs a customer up and confirms them, returning ConfirmSignUp's session. */
async function registeredCustomer(email = newEmail()): Promise<{ email: string; session: string }> {
  await signUp(email);
  const confirmed = await confirm(email, bed.lastCode(email));
  return { email, session: confirmed.Session as string };
}

describe('passwordless sign-up', () => {
  it('sends a six-digit code and signs in with the session of ConfirmSignUp, without another code', async () => {
    // Arrange
    const email = newEmail();

    // Act
    const signedUp = await signUp(email);
    const code = bed.lastCode(email);
    const confirmed = await confirm(email, code);
    const signedIn = await userAuth(email, { session: confirmed.Session as string, preferred: 'EMAIL_OTP' });

    // Assert
    expect(signedUp.UserConfirmed).toBe(false);
    expect(signedUp.CodeDeliveryDetails).toEqual({
      Destination: 'c***@e***',
      DeliveryMedium: 'EMAIL',
      AttributeName: 'email',
    });
    expect(code).toMatch(/^\d{6}$/);
    expect(confirmed.Session).toEqual(expect.any(String));
    const id = decodeJwt(signedIn.AuthenticationResult?.IdToken as string);
    expect(id).toMatchObject({
      email,
      email_verified: true,
      sub: signedUp.UserSub,
      'cognito:username': signedUp.UserSub,
    });
    expect(bed.outbox.list().filter((message) => message.to === email)).toHaveLength(1);
  });

  it('accepts the session of ConfirmSignUp only once', async () => {
    // Arrange
    const { email, session } = await registeredCustomer();
    await userAuth(email, { session });

    // Act
    const error = await errorOf(userAuth(email, { session }));

    // Assert
    expect(error.name).toBe('NotAuthorizedException');
  });

  it('refuses a wrong code, then accepts the right one', async () => {
    // Arrange
    const email = newEmail();
    await signUp(email);
    const code = bed.lastCode(email);
    const wrong = code === '000000' ? '111111' : '000000';

    // Act
    const error = await errorOf(confirm(email, wrong));
    const confirmed = await confirm(email, code);

    // Assert
    expect(error.name).toBe('CodeMismatchException');
    expect(error.message).toBe('Invalid verification code provided, please try again.');
    expect(confirmed.Session).toEqual(expect.any(String));
  });

  it('refuses an expired code and accepts a resent one', async () => {
    // Arrange
    const email = newEmail();
    await signUp(email);
    const first = bed.lastCode(email);
    bed.advance(25 * 60 * 60 * 1000);

    // Act
    const error = await errorOf(confirm(email, first));
    await bed.idp.send(new ResendConfirmationCodeCommand({ ClientId: customers.clientId, Username: email }));
    const confirmed = await confirm(email, bed.lastCode(email));

    // Assert
    expect(error.name).toBe('ExpiredCodeException');
    expect(confirmed.Session).toEqual(expect.any(String));
  });

  it('refuses to sign up an email that has an account', async () => {
    // Arrange
    const { email } = await registeredCustomer();

    // Act
    const error = await errorOf(signUp(email.toUpperCase()));

    // Assert
    expect(error.name).toBe('UsernameExistsException');
  });

  it('says an unknown or unconfirmed customer cannot sign in yet', async () => {
    // Arrange
    const unconfirmed = newEmail();
    await signUp(unconfirmed);

    // Act
    const unknown = await errorOf(userAuth(newEmail(), { preferred: 'EMAIL_OTP' }));
    const pending = await errorOf(userAuth(unconfirmed, { preferred: 'EMAIL_OTP' }));

    // Assert
    expect(unknown.name).toBe('UserNotFoundException');
    expect(pending.name).toBe('UserNotConfirmedException');
  });
});

describe('returning customer with EMAIL_OTP', () => {
  it('sends an eight-digit code and signs in with it', async () => {
    // Arrange
    const { email } = await registeredCustomer();

    // Act
    const challenge = await userAuth(email, { preferred: 'EMAIL_OTP' });
    const code = bed.lastCode(email);
    const answered = await answerCode(email, challenge.Session, code);

    // Assert
    expect(challenge.ChallengeName).toBe('EMAIL_OTP');
    expect(challenge.ChallengeParameters).toEqual({
      CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL',
      CODE_DELIVERY_DESTINATION: 'c***@e***',
    });
    expect(code).toMatch(/^\d{8}$/);
    expect(decodeJwt(answered.AuthenticationResult?.IdToken as string).email).toBe(email);
  });

  it('offers the available challenges when none is preferred', async () => {
    // Arrange
    const { email } = await registeredCustomer();

    // Act
    const select = await userAuth(email);
    const chosen = await bed.idp.send(
      new RespondToAuthChallengeCommand({
        ClientId: customers.clientId,
        ChallengeName: 'SELECT_CHALLENGE',
        Session: select.Session,
        ChallengeResponses: { USERNAME: email, ANSWER: 'EMAIL_OTP' },
      }),
    );
    const answered = await answerCode(email, chosen.Session, bed.lastCode(email));

    // Assert
    expect(select.ChallengeName).toBe('SELECT_CHALLENGE');
    expect(select.AvailableChallenges).toEqual(['EMAIL_OTP']);
    expect(chosen.ChallengeName).toBe('EMAIL_OTP');
    expect(answered.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
  });

  it('lets a customer retry a mistyped code', async () => {
    // Arrange
    const { email } = await registeredCustomer();
    const challenge = await userAuth(email, { preferred: 'EMAIL_OTP' });

    // Act
    const error = await errorOf(answerCode(email, challenge.Session, '00000000'));
    const answered = await answerCode(email, challenge.Session, bed.lastCode(email));

    // Assert
    expect(error.name).toBe('CodeMismatchException');
    expect(answered.AuthenticationResult).toBeDefined();
  });

  it('ends the session after three wrong codes', async () => {
    // Arrange
    const { email } = await registeredCustomer();
    const challenge = await userAuth(email, { preferred: 'EMAIL_OTP' });
    const code = bed.lastCode(email);

    // Act
    const errors = [];
    for (let i = 0; i < 3; i++)
      errors.push((await errorOf(answerCode(email, challenge.Session, '00000000'))).name);
    const afterwards = await errorOf(answerCode(email, challenge.Session, code));

    // Assert
    expect(errors).toEqual([
      'CodeMismatchException',
      'CodeMismatchException',
      'TooManyFailedAttemptsException',
    ]);
    expect(afterwards.name).toBe('NotAuthorizedException');
  });

  it('refuses a code once the sign-in session has expired', async () => {
    // Arrange
    const { email } = await registeredCustomer();
    const challenge = await userAuth(email, { preferred: 'EMAIL_OTP' });
    bed.advance(3 * 60 * 1000 + 1);

    // Act
    const error = await errorOf(answerCode(email, challenge.Session, bed.lastCode(email)));

    // Assert
    expect(error.name).toBe('NotAuthorizedException');
    expect(error.message).toBe('Invalid session for the user, session is expired.');
  });
});

describe('one pool for staff and customers', () => {
  it('lets a customer use their email as a plain username in a pool without username attributes', async () => {
    // Arrange
    const shared = await createPoolAndClient(
      bed.idp,
      {
        PoolName: 'shared',
        AutoVerifiedAttributes: ['email'],
        UsernameConfiguration: { CaseSensitive: false },
        Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP'] } },
      },
      { ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] },
    );
    const email = 'Plain@Example.com';
    await signUpCustomer(bed.idp, shared.clientId, email);
    await bed.idp.send(
      new ConfirmSignUpCommand({
        ClientId: shared.clientId,
        Username: email,
        ConfirmationCode: bed.lastCode(email),
      }),
    );

    // Act
    const challenge = await bed.idp.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_AUTH',
        ClientId: shared.clientId,
        AuthParameters: { USERNAME: email.toLowerCase(), PREFERRED_CHALLENGE: 'EMAIL_OTP' },
      }),
    );
    const answered = await bed.idp.send(
      new RespondToAuthChallengeCommand({
        ClientId: shared.clientId,
        ChallengeName: 'EMAIL_OTP',
        Session: challenge.Session,
        ChallengeResponses: { USERNAME: email.toLowerCase(), EMAIL_OTP_CODE: bed.lastCode(email) },
      }),
    );

    // Assert
    expect(decodeJwt(answered.AuthenticationResult?.IdToken as string)).toMatchObject({
      'cognito:username': email,
      email,
      email_verified: true,
    });
  });
});
