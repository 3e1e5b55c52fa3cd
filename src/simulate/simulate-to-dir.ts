// Runs a simulation into a folder, atomically: everything is written into a hidden sibling folder that is
// renamed into place only when complete, so a failure never leaves a half-written output. A writer file.
import { rmSync } from 'node:fs';
import { mkdir, readdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../core/errors.ts';
import { DAY } from './clock.ts';
import { simulate } from './engine.ts';
import { csvLine, isoSeconds, recordLine, TRUTH_HEADER, truthRecord } from './format-generic.ts';
import { listPortraits, writePhotos } from './photo-writer.ts';
import type { ScenarioParams } from './scenario.ts';
import { Sink } from './sink.ts';
import { writeFormat, type OnDay, type SimFormat } from './write-formats.ts';

/** How to write a simulation. */
export interface SimulateToDirOptions {
  format?: SimFormat;
  /** Folder of portraits to steal from (undefined or missing: no photos). */
  portraits?: string | undefined;
  onDay?: OnDay;
}

/** What was written. */
export interface SimulateSummary {
  out: string;
  format: SimFormat;
  files: string[];
  actions: number;
  dropped: number;
  accounts: number;
  trolls: number;
  factories: number;
  photos: number;
  /** Why there are no photos, when there are none. */
  note?: string;
}

async function checkTarget(target: string): Promise<boolean> {
  const info = await stat(target).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined;
    throw new UserError(`--out ${target}: cannot be read (${e.code ?? e.message})`, { cause: e });
  });
  if (!info) return false;
  if (!info.isDirectory()) throw new UserError(`--out ${target}: exists and is not a folder`);
  if ((await readdir(target)).length) throw new UserError(`--out ${target}: folder exists and is not empty; choose a new folder`);
  return true;
}

async function portraitsIn(dir: string | undefined): Promise<{ files: string[]; note?: string }> {
  if (!dir) return { files: [], note: 'no portrait folder given: accounts have no photos' };
  const found = await stat(dir).then((s) => s.isDirectory(), () => false);
  if (!found) return { files: [], note: `portrait folder ${dir} is absent: accounts have no photos` };
  const files = await listPortraits(dir);
  return files.length ? { files } : { files, note: `portrait folder ${dir} has no JPEG files: accounts have no photos` };
}

/** Simulates `params` into the folder `out` (which must not exist or be empty). */
export async function simulateToDir(params: ScenarioParams, out: string, options: SimulateToDirOptions = {}): Promise<SimulateSummary> {
  const format = options.format ?? 'csv';
  const target = resolve(out);
  const existed = await checkTarget(target);
  await mkdir(dirname(target), { recursive: true });
  const tmp = join(dirname(target), `.${basename(target)}.partial-${process.pid}`);
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp);
  // Ctrl-C: remove the half-written folder before leaving (130 = interrupted).
  const onInterrupt = () => {
    // Photo threads may still finish a file or two while this runs: retry until the folder is gone.
    let failure: unknown;
    for (let attempt = 0; attempt < 40; attempt++) {
      try {
        rmSync(tmp, { recursive: true, force: true });
        failure = undefined;
        break;
      } catch (e) {
        failure = e;
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
      }
    }
    if (failure) process.stderr.write(`trollmap: interrupted; could not remove ${tmp}: ${(failure as Error).message}\n`);
    process.exit(130);
  };
  process.once('SIGINT', onInterrupt);
  try {
    const withPhotos = format === 'csv' || format === 'jsonl';
    const portraits = withPhotos ? await portraitsIn(options.portraits) : { files: [], note: `the ${format} format has no profile photos` };
    const sim = simulate(params, portraits.files.length);
    const photos = await writePhotos(sim.world.accounts, portraits.files, tmp);
    const written = await writeFormat(sim, format, tmp, photos > 0, options.onDay ?? (() => {}));
    const truth = new Sink(join(tmp, 'truth.csv'));
    await truth.write(csvLine(TRUTH_HEADER));
    for (const a of sim.world.accounts) {
      if (written.present(a)) await truth.write(recordLine(TRUTH_HEADER, truthRecord(a, sim.world, written.platform, written.accountId(a))));
    }
    await truth.close();
    // Markdown, not .json: `trollmap import DIR` would try to read a .json file as data.
    await writeFile(join(tmp, 'scenario.md'), describe(manifest(sim, format)));
    if (existed) await rmdir(target);
    await rename(tmp, target);
    const trolls = sim.world.accounts.filter((a) => a.label === 'troll').length;
    return { out: target, format, files: [...(photos ? ['photos/'] : []), ...written.files, 'truth.csv', 'scenario.md'],
      actions: written.actions, dropped: written.dropped, accounts: sim.world.accounts.length, trolls,
      factories: sim.world.factories.length, photos, ...(portraits.note ? { note: portraits.note } : {}) };
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  } finally {
    process.removeListener('SIGINT', onInterrupt);
  }
}

function describe(m: ReturnType<typeof manifest>): string {
  const lines = [
    '# Simulated scenario (trollmap simulate)',
    '',
    `Seed ${m.params.seed}, ${m.params.days} days from ${m.params.start.slice(0, 10)}, ${m.params.accounts} accounts, election day ${m.electionDate}.`,
    'Everything here is simulated: no real people or accounts. Ground truth per account is in truth.csv.',
    '',
    ...m.factories.map((f) => `- ${f.id}: ${f.hours}; ${f.operators.length} operators (${f.operators.map((o) => o.accounts).join(', ')} accounts); ` +
      f.schedule.map((s) => `from ${s.from} works for ${s.client}`).join(', then ')),
    '',
    '```json',
    JSON.stringify(m, null, 2),
    '```',
    '',
  ];
  return lines.join('\n');
}

function manifest(sim: ReturnType<typeof simulate>, format: SimFormat) {
  const p = sim.scenario;
  const w = sim.world;
  return {
    generator: 'trollmap simulate',
    format,
    params: { ...p, start: isoSeconds(p.start) },
    electionDate: isoSeconds(p.start + p.electionDay * DAY).slice(0, 10),
    clients: w.clients,
    factories: w.factories.map((f) => ({
      id: f.id,
      hours: f.office ? 'office 10:00–19:00 Bishkek' : 'day and night shifts',
      schedule: f.schedule.map((s) => ({ from: isoSeconds(p.start + s.fromDay * DAY).slice(0, 10), client: w.clients[s.client]?.id })),
      operators: f.operators.map((o) => ({ id: o.id, shift: o.shift, accounts: o.accounts.length })),
    })),
  };
}

/** The congress portraits in ../shared/data beside the repository (may be absent on a fresh clone). */
export function defaultPortraitDir(): string {
  return fileURLToPath(new URL('../../../shared/data/photos/congress/200x250/', import.meta.url));
}
