/**
 * Who may do what. The anonymous public has no role; every signed-in account has one or more of these.
 * Shared vocabulary for the back office, scrutiny, plans and allowances: checks live in services, built on these.
 */
export const ROLES = ['democratic-services', 'scrutiny-officer', 'officer', 'councillor', 'monitoring-officer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  'democratic-services': 'Democratic services officer',
  'scrutiny-officer': 'Scrutiny officer',
  officer: 'Officer',
  councillor: 'Councillor',
  'monitoring-officer': 'Monitoring officer',
};

/** The account behind a signed-in request. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  /** The person record (member or officer) this account belongs to, when linked: owners answer for their own actions. */
  personId: string | null;
}

/** Democratic services administer everything, so they pass every role check. */
export function hasRole(user: SessionUser | null | undefined, ...allowed: Role[]): boolean {
  if (!user) return false;
  return user.roles.includes('democratic-services') || user.roles.some((role) => allowed.includes(role));
}
