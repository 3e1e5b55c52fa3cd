// Opening the store from commands that only read: a missing file is a user error, not a new empty database.
import { existsSync } from 'node:fs';
import { UserError } from '../core/errors.ts';

export function existingDb(path: string): string {
  if (!existsSync(path)) {
    throw new UserError(`no database at ${path}: import data first (trollmap import FILE) or pass --db PATH`);
  }
  return path;
}
