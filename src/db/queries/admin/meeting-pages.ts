/**
 * What the back office's meeting pages read (the meeting hub, the minutes, attendance and votes pages), gathered from
 * the record modules so those routes read them as one `store`. A route may import the record modules directly.
 */
export { listAttendance } from '../../records/attendance.ts';
export { listDeclarations } from '../../records/declarations.ts';
export { findWorkflow } from '../../records/meeting-workflow.ts';
export { listLaterMeetingsOfBody } from '../../records/meetings.ts';
export { findMinute, listMinuteCorrections, listMinutes } from '../../records/minutes.ts';
export { findReport } from '../../records/reports.ts';
export { listResolutions } from '../../records/resolutions.ts';
export { listMeetingVoteEvents, listVotes } from '../../records/votes.ts';
