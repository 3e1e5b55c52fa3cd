// Fetching the run a command works on: the given id or the latest; none is a user error that says what to do.
import { UserError } from '../core/errors.ts';
import type { DetectionRun } from '../core/run.ts';
import type { Store } from '../store/store.ts';

export async function loadRun(store: Store, id: number | undefined): Promise<DetectionRun> {
  const run = await store.getRun(id);
  if (run) return run;
  throw new UserError(
    id === undefined
      ? `no detection run in ${store.location}: run trollmap detect first`
      : `no detection run #${id} in ${store.location}: see the ids printed by trollmap detect`,
  );
}
