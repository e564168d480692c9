import { z } from 'zod';

/** The roles of DESIGN's "Roles" section. */
export const Role = {
  Customer: 'customer',
  Barista: 'barista',
  Display: 'display',
} as const;

/** A role: `customer`, `barista` or `display`. */
export type Role = (typeof Role)[keyof typeof Role];

/** Parses a {@link Role}. */
export const RoleSchema = z.enum([Role.Customer, Role.Barista, Role.Display]);

/**
 * The user-pool groups that grant the staff roles. There is no customer group: customers create
 * their own accounts by signing in with an email code, so the customer role is what a signed-in
 * user holds when in no staff group (staff accounts are shared tablets, not people ordering coffee).
 */
export const StaffGroup = {
  barista: 'barista',
  display: 'display',
} as const satisfies Record<Exclude<Role, 'customer'>, string>;

/** The staff accounts created on first start, by username, with the group each is put in. */
export const StaffAccount = {
  barista: { username: 'barista', group: StaffGroup.barista },
  display: { username: 'display', group: StaffGroup.display },
} as const;

/** Who is calling, as read from a verified ID token: its `sub` and its `cognito:groups`. */
export const PrincipalSchema = z.object({
  sub: z.string().min(1),
  groups: z.array(z.string()),
});

/** A signed-in caller; an anonymous one is `undefined` wherever a principal is expected. */
export type Principal = z.infer<typeof PrincipalSchema>;

/**
 * The principal of a verified ID token's claims (`sub` and the optional `cognito:groups`), or
 * `undefined` when the claims have no usable `sub`. Checking the signature is the caller's job.
 */
export function principalFromClaims(claims: Record<string, unknown>): Principal | undefined {
  const sub = claims.sub;
  if (typeof sub !== 'string' || sub.length === 0) return undefined;
  const groups = claims['cognito:groups'];
  return {
    sub,
    groups: Array.isArray(groups) ? groups.filter((group): group is string => typeof group === 'string') : [],
  };
}

/** The roles a caller holds: none when anonymous, the staff roles of its groups, else `customer`. */
export function rolesOf(principal: Principal | undefined): Role[] {
  if (!principal) return [];
  const roles: Role[] = [];
  if (principal.groups.includes(StaffGroup.barista)) roles.push(Role.Barista);
  if (principal.groups.includes(StaffGroup.display)) roles.push(Role.Display);
  return roles.length > 0 ? roles : [Role.Customer];
}

/** Whether the caller holds `role` (see {@link rolesOf}). */
export function hasRole(principal: Principal | undefined, role: Role): boolean {
  return rolesOf(principal).includes(role);
}
