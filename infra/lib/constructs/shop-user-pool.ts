import { Annotations, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import type { UserPoolDeclaration } from '../declaration.js';
import { acknowledge } from '../nag.js';
import type { ResourceRegistry } from '../resource-registry.js';

/** Props of {@link ShopUserPool}. */
export interface ShopUserPoolProps {
  /** The declared (logical) name. */
  name: string;
  /** The declared pool: groups, app clients, accounts. */
  declaration: UserPoolDeclaration;
  /** Where the pool and its clients are registered for references. */
  registry: ResourceRegistry;
  /** Whether the pool (and its accounts) outlives the stack. */
  retainData: boolean;
  /**
   * A verified Amazon SES address to send sign-in codes from. Cognito sends email one-time codes
   * only through SES, so without one customers cannot sign in (staff still can), and synthesis warns.
   */
  sesFromEmail?: string;
  /** The region of the SES identity, when not the stack's. */
  sesRegion?: string;
  /**
   * The SES-verified domain `sesFromEmail` is of, when SES verified the domain rather than the
   * address: the pool then sends as that identity (without it, the address must be verified itself).
   */
  sesVerifiedDomain?: string | undefined;
}

/**
 * A declared Cognito user pool as DESIGN "Signing in" wants it: customers sign in with an email
 * one-time code (USER_AUTH with EMAIL_OTP, the Essentials plan's passwordless sign-in, sent through
 * SES from `sesFromEmail`) and sign themselves up the first time; staff sign in with username and password (USER_PASSWORD_AUTH).
 * Usernames are case-insensitive and emails verified, as in the local cloud. Declared groups and
 * public app clients (no secret: browsers hold them) are created; declared accounts are created
 * without a password, which the operator sets after deploying (see infra/README.md).
 */
export class ShopUserPool extends Construct {
  /** The deployed pool. */
  readonly userPool: cognito.UserPool;
  /** App clients by declared name. */
  readonly clients = new Map<string, cognito.UserPoolClient>();
  /** Groups by declared name. */
  readonly groups = new Map<string, cognito.CfnUserPoolGroup>();

  constructor(scope: Construct, id: string, props: ShopUserPoolProps) {
    super(scope, id);
    this.userPool = new cognito.UserPool(this, 'Pool', {
      featurePlan: cognito.FeaturePlan.ESSENTIALS,
      selfSignUpEnabled: true,
      signInAliases: { username: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      // Cognito sends one-time codes only through SES (its own mailer is also capped at 50 mails a day).
      signInPolicy: {
        allowedFirstAuthFactors: { password: true, emailOtp: props.sesFromEmail !== undefined },
      },
      passwordPolicy: {
        minLength: 12,
        requireDigits: true,
        requireLowercase: true,
        requireUppercase: true,
        requireSymbols: true,
      },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      mfa: cognito.Mfa.OFF,
      email: props.sesFromEmail
        ? cognito.UserPoolEmail.withSES({
            fromEmail: props.sesFromEmail,
            fromName: 'Coffee shop',
            // The SES identity lives in the stack's region unless told otherwise.
            sesRegion: props.sesRegion ?? Stack.of(this).region,
            ...(props.sesVerifiedDomain && { sesVerifiedDomain: props.sesVerifiedDomain }),
          })
        : cognito.UserPoolEmail.withCognito(),
      deletionProtection: props.retainData,
      removalPolicy: props.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    props.registry.userPools.set(props.name, this.userPool);
    if (!props.sesFromEmail) {
      Annotations.of(this).addWarningV2(
        '@coffee/infra:no-ses-sender',
        'No sesFromEmail: customers cannot sign in with an email code (Cognito sends them only through SES). Deploy with -c sesFromEmail=<verified address>.',
      );
    }
    for (const name of props.declaration.clients) {
      const client = this.userPool.addClient(name, {
        userPoolClientName: name,
        generateSecret: false,
        // The apps sign in through the user pool API (Amplify Auth), not the hosted UI.
        disableOAuth: true,
        authFlows: { user: true, userPassword: true },
        // The customer app signs a new email up when sign-in answers UserNotFoundException (as the
        // local pool does). With ENABLED, Cognito answers USER_AUTH for an unknown user with a random
        // challenge instead, so a first-time customer could never sign up; SignUp tells whether an
        // account exists either way.
        preventUserExistenceErrors: false,
        idTokenValidity: Duration.hours(1),
        accessTokenValidity: Duration.hours(1),
        refreshTokenValidity: Duration.days(30),
      });
      this.clients.set(name, client);
      props.registry.userPoolClients.set(`${props.name}/${name}`, client);
    }
    for (const [index, group] of props.declaration.groups.entries()) {
      this.groups.set(
        group,
        new cognito.CfnUserPoolGroup(this, `Group${group}`, {
          userPoolId: this.userPool.userPoolId,
          groupName: group,
          precedence: index,
        }),
      );
    }
    for (const user of props.declaration.users ?? []) {
      const account = new cognito.CfnUserPoolUser(this, `User${user.username}`, {
        userPoolId: this.userPool.userPoolId,
        username: user.username,
        // Staff accounts have no mailbox: the operator sets their passwords (infra/README.md).
        messageAction: 'SUPPRESS',
      });
      for (const group of user.groups) {
        const attachment = new cognito.CfnUserPoolUserToGroupAttachment(
          this,
          `User${user.username}In${group}`,
          {
            userPoolId: this.userPool.userPoolId,
            username: user.username,
            groupName: group,
          },
        );
        attachment.node.addDependency(account);
        const declaredGroup = this.groups.get(group);
        if (declaredGroup) attachment.node.addDependency(declaredGroup);
      }
    }
    acknowledge(
      this.userPool,
      {
        id: 'AwsSolutions-COG2',
        reason:
          'Customers sign in with a one-time code mailed to them (itself a possession factor); staff accounts are shared counter tablets. MFA would stop a queue at a pop-up bar.',
      },
      {
        id: 'AwsSolutions-COG8',
        reason:
          'The Plus plan (threat protection) costs about $0.02 per monthly active user on top of Essentials; an event shop holds no payment data. Switch the feature plan if the risk changes.',
      },
      {
        id: 'AwsSolutions-COG3',
        reason:
          'Threat protection needs the Plus plan (about $0.02 per active user); an event shop holds no payment data. Enable it by switching the feature plan if the risk changes.',
      },
    );
  }
}
