// Known failures that the CLI reports in one line and exits 1 for; anything else is a bug (exit 2).

/** A failure caused by the user's input or the world (bad file, bad flag, missing path), not by a bug. */
export class UserError extends Error {
  override name = 'UserError';
  /** The process exit code: 1, or 130 when the user interrupted the work (Ctrl-C). */
  readonly exitCode: number;
  constructor(message: string, options?: { cause?: unknown; exitCode?: number }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.exitCode = options?.exitCode ?? 1;
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
