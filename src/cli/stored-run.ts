// Reading a stored detection run for the commands that show findings: missing runs are user errors that say
// what to do.
import { UserError } from '../core/errors.ts';
import type { DetectionRun } from '../core/run.ts';
import type { Store } from '../store/store.ts';

/** The run with this id, or the latest run; a user error when there is none. */
export async function storedRun(store: Store, id: number | undefined): Promise<DetectionRun> {
  const run = await store.getRun(id);
  if (run !== undefined) return run;
  throw noRun(store, id);
}

/** The user error for a missing run: the given id, or no run at all. */
export function noRun(store: Store, id: number | undefined): UserError {
  if (id !== undefined) return new UserError(`no detection run ${id} in ${store.location}: omit --run for the latest run`);
  return new UserError(`no detection run in ${store.location} yet: run \`trollmap detect\` first`);
}

/** `run 3 (2026-11-28 20:57Z, trollmap 0.1.0, seed 1)`. */
export function runLabel(run: DetectionRun): string {
  const when = new Date(run.createdAt).toISOString().slice(0, 16).replace('T', ' ') + 'Z';
  return `run ${run.id ?? '?'} (${when}, trollmap ${run.version}, seed ${run.params.seed})`;
}
