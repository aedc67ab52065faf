/**
 * What the back office's body and political group pages read, gathered from the record modules so those routes
 * read them as one `store`. A route may import the record modules directly.
 */
export { listGroupMembers } from '../../records/group-memberships.ts';
export { findMembershipRow, listBodyMemberships } from '../../records/memberships.ts';
export { findGroup, listGroups } from '../../records/political-groups.ts';
