// Shared option parsing: database location and value parsers with messages that say what was expected.
import { UserError } from '../core/errors.ts';

/** `--db`, else `TROLLMAP_DB`, else `trollmap.db` in the working directory. */
export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag ?? (env.TROLLMAP_DB || undefined) ?? 'trollmap.db';
}

export function parsePositiveInt(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new UserError(`${flag} (${value}): expected a whole number ≥ 0`);
    return n;
  };
}
