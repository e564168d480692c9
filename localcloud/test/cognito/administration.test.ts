import { createHmac } from 'node:crypto';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  InitiateAuthCommand,
  ListGroupsCommand,
  ListUserPoolsCommand,
  ListUsersCommand,
  ListUsersInGroupCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import {
  createPoolAndClient,
  createStaffUser,
  errorOf,
  REGION,
  STAFF_PASSWORD,
  useShopTestBed,
} from './support.js';

const { bed, staff } = useShopTestBed({
  staffUsers: { barista: ['barista'], display: ['display'], lead: ['display', 'barista'] },
});

describe('pools and clients', () => {
  it('describes a pool with its region in its ID and its policies', async () => {
    // Act
    const { UserPool } = await bed.idp.send(new DescribeUserPoolCommand({ UserPoolId: staff.poolId }));

    // Assert
    expect(UserPool?.Id).toMatch(new RegExp(`^${REGION}_[0-9A-Za-z]{9}$`));
    expect(UserPool?.Arn).toBe(`arn:aws:cognito-idp:${REGION}:000000000000:userpool/${staff.poolId}`);
    expect(UserPool?.Policies?.PasswordPolicy?.MinimumLength).toBe(8);
    expect(UserPool?.UsernameConfiguration?.CaseSensitive).toBe(false);
  });

  it('pages through pools', async () => {
    // Arrange
    await createPoolAndClient(bed.idp, { PoolName: 'second' }, {});

    // Act
    const first = await bed.idp.send(new ListUserPoolsCommand({ MaxResults: 1 }));
    const second = await bed.idp.send(
      new ListUserPoolsCommand({ MaxResults: 1, NextToken: first.NextToken }),
    );

    // Assert
    expect(first.UserPools).toHaveLength(1);
    expect(first.NextToken).toEqual(expect.any(String));
    expect(second.UserPools?.[0]?.Id).not.toBe(first.UserPools?.[0]?.Id);
  });

  it('gives a client the default flows and token lifetimes', async () => {
    // Arrange
    const created = await bed.idp.send(
      new CreateUserPoolClientCommand({ UserPoolId: staff.poolId, ClientName: 'plain' }),
    );

    // Act
    const { UserPoolClient } = await bed.idp.send(
      new DescribeUserPoolClientCommand({
        UserPoolId: staff.poolId,
        ClientId: created.UserPoolClient?.ClientId,
      }),
    );

    // Assert
    expect(UserPoolClient?.ClientId).toMatch(/^[a-z0-9]{26}$/);
    expect(UserPoolClient?.ExplicitAuthFlows).toEqual([
      'ALLOW_REFRESH_TOKEN_AUTH',
      'ALLOW_USER_SRP_AUTH',
      'ALLOW_CUSTOM_AUTH',
    ]);
    expect(UserPoolClient?.RefreshTokenValidity).toBe(30);
    expect(UserPoolClient?.AuthSessionValidity).toBe(3);
  });

  it('answers ResourceNotFoundException for an unknown pool', async () => {
    // Act
    const error = await errorOf(
      bed.idp.send(new DescribeUserPoolCommand({ UserPoolId: `${REGION}_nothere00` })),
    );

    // Assert
    expect(error.name).toBe('ResourceNotFoundException');
    expect(error.message).toBe(`User pool ${REGION}_nothere00 does not exist.`);
  });

  it('answers ResourceNotFoundException for an unknown client', async () => {
    // Act
    const error = await errorOf(
      bed.idp.send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_AUTH',
          ClientId: 'nosuchclient',
          AuthParameters: { USERNAME: 'x' },
        }),
      ),
    );

    // Assert
    expect(error.name).toBe('ResourceNotFoundException');
  });

  it('requires the SECRET_HASH of a client with a secret', async () => {
    // Arrange
    const created = await bed.idp.send(
      new CreateUserPoolClientCommand({
        UserPoolId: staff.poolId,
        ClientName: 'server',
        GenerateSecret: true,
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'],
      }),
    );
    const { ClientId, ClientSecret } = created.UserPoolClient as { ClientId: string; ClientSecret: string };
    const signIn = (extra: Record<string, string>) =>
      bed.idp.send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId,
          AuthParameters: { USERNAME: 'barista', PASSWORD: STAFF_PASSWORD, ...extra },
        }),
      );
    const hash = createHmac('sha256', ClientSecret).update(`barista${ClientId}`).digest('base64');

    // Act
    const missing = await errorOf(signIn({}));
    const signedIn = await signIn({ SECRET_HASH: hash });

    // Assert
    expect(missing.name).toBe('NotAuthorizedException');
    expect(signedIn.AuthenticationResult).toBeDefined();
  });
});

describe('users and groups', () => {
  it('lists users with a filter', async () => {
    // Act
    const prefixed = await bed.idp.send(
      new ListUsersCommand({ UserPoolId: staff.poolId, Filter: 'username ^= "b"' }),
    );
    const confirmed = await bed.idp.send(
      new ListUsersCommand({
        UserPoolId: staff.poolId,
        Filter: 'cognito:user_status = "CONFIRMED"',
        Limit: 2,
      }),
    );
    const rest = await bed.idp.send(
      new ListUsersCommand({
        UserPoolId: staff.poolId,
        Filter: 'cognito:user_status = "CONFIRMED"',
        Limit: 2,
        PaginationToken: confirmed.PaginationToken,
      }),
    );

    // Assert
    expect(prefixed.Users?.map((user) => user.Username)).toEqual(['barista']);
    expect([...(confirmed.Users ?? []), ...(rest.Users ?? [])].map((user) => user.Username)).toEqual([
      'barista',
      'display',
      'lead',
    ]);
    expect(rest.PaginationToken).toBeUndefined();
  });

  it('lists a user groups in precedence order and group members', async () => {
    // Act
    const groups = await bed.idp.send(
      new AdminListGroupsForUserCommand({ UserPoolId: staff.poolId, Username: 'lead' }),
    );
    const members = await bed.idp.send(
      new ListUsersInGroupCommand({ UserPoolId: staff.poolId, GroupName: 'barista' }),
    );
    const all = await bed.idp.send(new ListGroupsCommand({ UserPoolId: staff.poolId }));

    // Assert
    expect(groups.Groups?.map((group) => group.GroupName)).toEqual(['barista', 'display']);
    expect(members.Users?.map((user) => user.Username)).toEqual(['barista', 'lead']);
    expect(all.Groups?.map((group) => [group.GroupName, group.Precedence])).toEqual([
      ['barista', 1],
      ['display', 2],
    ]);
  });

  it('refuses a group that exists, and a membership of a missing group', async () => {
    // Act
    const exists = await errorOf(
      bed.idp.send(new CreateGroupCommand({ UserPoolId: staff.poolId, GroupName: 'barista' })),
    );
    const missing = await errorOf(
      bed.idp.send(
        new AdminAddUserToGroupCommand({ UserPoolId: staff.poolId, Username: 'barista', GroupName: 'nope' }),
      ),
    );

    // Assert
    expect(exists.name).toBe('GroupExistsException');
    expect(missing.name).toBe('ResourceNotFoundException');
  });

  it('removes a user from a group and deletes a user', async () => {
    // Arrange
    await createStaffUser(bed.idp, staff.poolId, 'temp', ['barista']);

    // Act
    await bed.idp.send(
      new AdminRemoveUserFromGroupCommand({
        UserPoolId: staff.poolId,
        Username: 'temp',
        GroupName: 'barista',
      }),
    );
    const afterRemoval = await bed.idp.send(
      new AdminListGroupsForUserCommand({ UserPoolId: staff.poolId, Username: 'temp' }),
    );
    await bed.idp.send(new AdminDeleteUserCommand({ UserPoolId: staff.poolId, Username: 'temp' }));
    const error = await errorOf(
      bed.idp.send(new AdminGetUserCommand({ UserPoolId: staff.poolId, Username: 'temp' })),
    );

    // Assert
    expect(afterRemoval.Groups).toEqual([]);
    expect(error.name).toBe('UserNotFoundException');
  });
});

describe('email aliases', () => {
  it('lets a user sign in with a verified email alias but refuses an email as username', async () => {
    // Arrange
    const pool = await createPoolAndClient(
      bed.idp,
      { PoolName: 'aliases', AliasAttributes: ['email'] },
      { ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] },
    );
    await bed.idp.send(
      new AdminCreateUserCommand({
        UserPoolId: pool.poolId,
        Username: 'sam',
        TemporaryPassword: STAFF_PASSWORD,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: 'sam@example.com' },
          { Name: 'email_verified', Value: 'true' },
        ],
      }),
    );

    // Act
    const signIn = await bed.idp.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: pool.clientId,
        AuthParameters: { USERNAME: 'sam@example.com', PASSWORD: STAFF_PASSWORD },
      }),
    );
    const error = await errorOf(
      bed.idp.send(
        new SignUpCommand({ ClientId: pool.clientId, Username: 'jo@example.com', Password: STAFF_PASSWORD }),
      ),
    );

    // Assert
    expect(signIn.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(signIn.ChallengeParameters?.USER_ID_FOR_SRP).toBe('sam');
    expect(error.name).toBe('InvalidParameterException');
  });
});
