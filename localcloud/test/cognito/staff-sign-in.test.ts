import {
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  CreateUserPoolClientCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { createStaffUser, errorOf, passwordSignIn, STAFF_PASSWORD, useShopTestBed } from './support.js';

const { bed, staff } = useShopTestBed({ staffUsers: { barista: ['barista'], display: ['display'] } });

describe('USER_PASSWORD_AUTH', () => {
  it('signs a staff member in with tokens that carry their group', async () => {
    // Act
    const result = await passwordSignIn(bed.idp, staff.clientId, 'barista', STAFF_PASSWORD);

    // Assert
    const tokens = result.AuthenticationResult;
    expect(tokens?.TokenType).toBe('Bearer');
    expect(tokens?.ExpiresIn).toBe(3600);
    expect(tokens?.RefreshToken).toEqual(expect.any(String));
    const id = decodeJwt(tokens?.IdToken as string);
    expect(id).toMatchObject({
      'cognito:groups': ['barista'],
      'cognito:username': 'barista',
      token_use: 'id',
      aud: staff.clientId,
    });
    const access = decodeJwt(tokens?.AccessToken as string);
    expect(access).toMatchObject({
      'cognito:groups': ['barista'],
      username: 'barista',
      client_id: staff.clientId,
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
    });
  });

  it('matches usernames case-insensitively in a case-insensitive pool', async () => {
    // Act
    const result = await passwordSignIn(bed.idp, staff.clientId, 'DISPLAY', STAFF_PASSWORD);

    // Assert
    expect(decodeJwt(result.AuthenticationResult?.IdToken as string)['cognito:groups']).toEqual(['display']);
  });

  it.each([
    [
      'a wrong password',
      'barista',
      'Wrong-Password-1',
      'NotAuthorizedException',
      'Incorrect username or password.',
    ],
    ['an unknown user', 'nobody', STAFF_PASSWORD, 'UserNotFoundException', 'User does not exist.'],
  ])('refuses %s', async (_case, username, password, name, message) => {
    // Act
    const error = await errorOf(passwordSignIn(bed.idp, staff.clientId, username, password));

    // Assert
    expect(error.name).toBe(name);
    expect(error.message).toBe(message);
  });

  it('refuses a client that does not allow the flow', async () => {
    // Arrange
    const other = await bed.idp.send(
      new CreateUserPoolClientCommand({
        UserPoolId: staff.poolId,
        ClientName: 'choice-only',
        ExplicitAuthFlows: ['ALLOW_USER_AUTH'],
      }),
    );

    // Act
    const error = await errorOf(
      passwordSignIn(bed.idp, other.UserPoolClient?.ClientId as string, 'barista', STAFF_PASSWORD),
    );

    // Assert
    expect(error.name).toBe('InvalidParameterException');
    expect(error.message).toBe('USER_PASSWORD_AUTH flow not enabled for this client');
  });

  it('refuses a disabled user', async () => {
    // Arrange
    await createStaffUser(bed.idp, staff.poolId, 'former', ['barista']);
    await bed.idp.send(new AdminDisableUserCommand({ UserPoolId: staff.poolId, Username: 'former' }));

    // Act
    const error = await errorOf(passwordSignIn(bed.idp, staff.clientId, 'former', STAFF_PASSWORD));

    // Assert
    expect(error.name).toBe('NotAuthorizedException');
    expect(error.message).toBe('User is disabled.');
  });
});

describe('temporary passwords', () => {
  it('asks for a new password, then signs in and confirms the user', async () => {
    // Arrange
    await bed.idp.send(
      new AdminCreateUserCommand({
        UserPoolId: staff.poolId,
        Username: 'newbie',
        TemporaryPassword: 'Temporary-Pass-1',
        MessageAction: 'SUPPRESS',
      }),
    );

    // Act
    const challenge = await passwordSignIn(bed.idp, staff.clientId, 'newbie', 'Temporary-Pass-1');
    const answered = await bed.idp.send(
      new RespondToAuthChallengeCommand({
        ClientId: staff.clientId,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: challenge.Session,
        ChallengeResponses: { USERNAME: 'newbie', NEW_PASSWORD: 'Brand-New-Pass-2' },
      }),
    );

    // Assert
    expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(answered.AuthenticationResult?.IdToken).toEqual(expect.any(String));
    const user = await bed.idp.send(
      new AdminGetUserCommand({ UserPoolId: staff.poolId, Username: 'newbie' }),
    );
    expect(user.UserStatus).toBe('CONFIRMED');
    expect(
      (await passwordSignIn(bed.idp, staff.clientId, 'newbie', 'Brand-New-Pass-2')).AuthenticationResult,
    ).toBeDefined();
  });

  it('invites a user through the outbox with a generated password that works', async () => {
    // Act
    const created = await bed.idp.send(
      new AdminCreateUserCommand({
        UserPoolId: staff.poolId,
        Username: 'invited',
        UserAttributes: [{ Name: 'email', Value: 'invited@example.com' }],
      }),
    );

    // Assert
    expect(created.User?.UserStatus).toBe('FORCE_CHANGE_PASSWORD');
    expect(created.User?.Attributes?.map((attribute) => attribute.Name)).toEqual(['sub', 'email']);
    const invitation = bed.outbox.list().find((message) => message.to === 'invited@example.com');
    expect(invitation?.body).toContain('Your username is invited and temporary password is');
    const signIn = await passwordSignIn(bed.idp, staff.clientId, 'invited', invitation?.code as string);
    expect(signIn.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
  });
});

describe('administration errors', () => {
  it('refuses a second user of the same name', async () => {
    // Act
    const error = await errorOf(
      bed.idp.send(new AdminCreateUserCommand({ UserPoolId: staff.poolId, Username: 'Barista' })),
    );

    // Assert
    expect(error.name).toBe('UsernameExistsException');
  });

  it('refuses a password that breaks the policy', async () => {
    // Act
    const error = await errorOf(
      bed.idp.send(
        new AdminSetUserPasswordCommand({
          UserPoolId: staff.poolId,
          Username: 'barista',
          Password: 'short',
          Permanent: true,
        }),
      ),
    );

    // Assert
    expect(error.name).toBe('InvalidPasswordException');
    expect(error.message).toBe('Password did not conform with policy: Password not long enough');
  });
});
