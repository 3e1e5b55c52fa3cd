// Known failures that the CLI reports in one line and exits 1 for; anything else is a bug (exit 2).

/** A failure caused by the user's input or the world (bad file, bad flag, missing path), not by a bug. */
export class UserError extends Error {
  override name = 'UserError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
