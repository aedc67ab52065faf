/**
 * A file that cannot be turned into text. The message names the file so it can be shown to the
 * person importing as it is; `reason` is the same without the file name, for callers that group
 * failures or show the name elsewhere.
 */
export class ReadError extends Error {
  override readonly name = 'ReadError';
  readonly file: string;
  readonly reason: string;

  constructor(file: string, reason: string, options?: { cause?: unknown }) {
    super(`${file}: ${reason}`, options);
    this.file = file;
    this.reason = reason;
  }
}
