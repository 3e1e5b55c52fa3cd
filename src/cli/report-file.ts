// Builds report.html for a stored run: resolves the evidence actions and account names from the store, renders
// with the pure core, and writes the file atomically (temp file in the same folder, then rename).
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { EvidenceAction } from '../core/export/report-evidence.ts';
import { reportEvidenceKeys } from '../core/export/report-evidence.ts';
import { renderReport, type AccountNames } from '../core/export/report-html.ts';
import { UserError } from '../core/errors.ts';
import { accountKey, splitKey, type Action } from '../core/model.ts';
import type { DetectionRun } from '../core/run.ts';
import type { Store } from '../store/store.ts';

/** The action's own web address when the export gave one (its id, or a url/permalink/link column). */
function permalink(a: Action): string | undefined {
  if (/^https?:\/\//i.test(a.id)) return a.id;
  for (const k of ['url', 'permalink', 'link', 'tweet_url', 'post_url']) {
    const v = a.raw?.[k];
    if (typeof v === 'string' && /^https?:\/\//i.test(v)) return v;
  }
  return undefined;
}

/** Looks up every action named in the networks' evidence; actions the store lacks are left out. */
export async function evidenceLookup(store: Store, run: DetectionRun): Promise<Map<string, EvidenceAction>> {
  const lookup = new Map<string, EvidenceAction>();
  for (const key of reportEvidenceKeys(run)) {
    const k = splitKey(key);
    if (!k) continue;
    const a = await store.getAction(k.platform, k.id);
    if (!a) continue;
    const url = permalink(a);
    lookup.set(key, {
      account: accountKey(a.platform, a.account),
      time: a.time,
      ...(a.text === undefined ? {} : { text: a.text }),
      ...(url === undefined ? {} : { url }),
    });
  }
  return lookup;
}

/** Handles and names of the networks' members. */
export async function accountNames(store: Store, run: DetectionRun): Promise<AccountNames> {
  const keys = [...new Set(run.networks.flatMap((n) => n.members))].sort();
  const names = new Map<string, { handle?: string; name?: string }>();
  for (const a of await store.getAccounts(keys)) {
    names.set(accountKey(a.platform, a.id), {
      ...(a.handle === undefined ? {} : { handle: a.handle }),
      ...(a.name === undefined ? {} : { name: a.name }),
    });
  }
  return names;
}

/** Writes `text` to `path` through a temp file and a rename, so a reader never sees half a file. */
export async function writeAtomic(path: string, text: string): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, text, 'utf8');
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw new UserError(`cannot write ${path}: ${(e as Error).message}`, { cause: e });
  }
}

/** Renders the run's report and writes it to `out`; returns the HTML's size in bytes. */
export async function writeReport(store: Store, run: DetectionRun, out: string): Promise<number> {
  const html = renderReport(run, await evidenceLookup(store, run), { accounts: await accountNames(store, run) });
  await writeAtomic(out, html);
  return Buffer.byteLength(html);
}
