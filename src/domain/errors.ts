/**
 * The errors any layer may throw, from a domain rule to a route. Each has a kind (what went wrong, which decides
 * the HTTP status in src/http/errors.ts and what the command line says) and a stable id that clients can rely on,
 * whatever the wording. Nothing here knows about HTTP, so services throw these and stay below the web.
 */

export type ErrorKind = 'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'unavailable' | 'internal';

/** A bad input named by its field, so a user or client can see which one to fix. */
export interface Problem {
  field: string;
  message: string;
}

export class QuorumError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly id: string,
    message: string,
    /** Set only for errors about particular fields (a validation error, a stale edit). */
    readonly problems?: Problem[],
  ) {
    super(message);
    this.name = 'QuorumError';
  }
}

export function NotFound(message = 'Page not found'): QuorumError {
  return new QuorumError('not_found', 'not_found', message);
}

/** One message per bad field, as "field: message". */
export function ValidationError(problems: Problem[]): QuorumError & { problems: Problem[] } {
  const text = problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ');
  return new QuorumError('invalid', 'validation_error', text || 'Invalid request', problems) as QuorumError & { problems: Problem[] };
}

/** The change cannot be made as things now stand (someone else saved first, a record is locked); the id says which. */
export function Conflict(message: string, id = 'conflict', problems?: Problem[]): QuorumError {
  return new QuorumError('conflict', id, message, problems);
}

export function Forbidden(message: string): QuorumError {
  return new QuorumError('forbidden', 'forbidden', message);
}

export function ServiceUnavailable(message = 'Service unavailable'): QuorumError {
  return new QuorumError('unavailable', 'service_unavailable', message);
}

/**
 * Work refused or abandoned because the service is busy (a full queue, a statement over its time limit): the client
 * may try again after retryAfterSeconds (HTTP's Retry-After, RFC 9110 section 10.2.3).
 */
export class BusyError extends QuorumError {
  constructor(
    id: string,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('unavailable', id, message);
    this.name = 'BusyError';
  }
}

export function isQuorumError(error: unknown): error is QuorumError {
  return error instanceof QuorumError;
}
