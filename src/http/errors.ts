/**
 * Errors as HTTP speaks them. Services throw the layer-neutral errors of src/domain/errors.ts; the error handlers
 * (src/server/app.ts, src/api/http.ts) turn any of them into an HttpError, whose status comes from its kind.
 * Routes throw HttpError directly only for what is about HTTP itself (a request that cannot be read, a client
 * error Fastify found).
 */
import { BusyError, type ErrorKind, QuorumError } from '../domain/errors.ts';

// ServiceUnavailable: for refusing work under load (503).
export { isQuorumError, NotFound, type Problem, ServiceUnavailable, ValidationError } from '../domain/errors.ts';

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unavailable: 503,
  internal: 500,
};

function kindOf(statusCode: number): ErrorKind {
  const kind = (Object.keys(STATUS) as ErrorKind[]).find((candidate) => STATUS[candidate] === statusCode);
  return kind ?? (statusCode >= 500 ? 'internal' : 'invalid');
}

export class HttpError extends QuorumError {
  /** Sent as Retry-After with a 503 or 429 (a BusyError's wait). */
  retryAfterSeconds?: number;

  constructor(
    readonly statusCode: number,
    id: string,
    message: string,
  ) {
    super(kindOf(statusCode), id, message);
    this.name = 'HttpError';
  }
}

/** Any of Quorum's errors, with the HTTP status of its kind; its field problems are kept. */
export function asHttpError(error: QuorumError): HttpError {
  if (error instanceof HttpError) return error;
  const converted = new HttpError(STATUS[error.kind], error.id, error.message);
  if (error instanceof BusyError) converted.retryAfterSeconds = error.retryAfterSeconds;
  return error.problems ? Object.assign(converted, { problems: error.problems }) : converted;
}
