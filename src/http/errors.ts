/**
 * The web app's errors: each carries an HTTP status and a stable id that clients can rely on, whatever the wording.
 * Throw these from routes; the error handler in app.ts turns them into a GOV.UK page or JSON.
 */

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly id: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export function NotFound(message = 'Page not found'): HttpError {
  return new HttpError(404, 'not_found', message);
}

/** One message per bad field, as "field: message", so a user or client can see which input to fix. */
export function ValidationError(problems: Array<{ field: string; message: string }>): HttpError & { problems: typeof problems } {
  const text = problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ');
  return Object.assign(new HttpError(400, 'validation_error', text || 'Invalid request'), { problems });
}

export function ServiceUnavailable(message = 'Service unavailable'): HttpError {
  return new HttpError(503, 'service_unavailable', message);
}

export function isHttpError(error: unknown): error is HttpError {
  return error instanceof HttpError;
}
