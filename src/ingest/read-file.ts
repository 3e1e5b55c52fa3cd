// Reads one file into a BlockTarget: decode → sniff → choose the format → read through a BatchSink. The same
// steps run in the importing thread (small files) and in a worker thread (large ones, see read-in-worker.ts).
import { BatchSink, type BlockTarget } from './batch-sink.ts';
import { openText } from './decode.ts';
import { chooseFormat } from './formats/index.ts';
import { readHead } from './head.ts';
import type { IssueSnapshot } from './issues.ts';
import type { PhotoRef } from './photo-refs.ts';

/** The choices of one read (plain data: they cross to a worker). */
export interface ReadChoices {
  format?: string;
  platform?: string;
  map: Readonly<Record<string, string>>;
  /** Collect photo references (avatars, image media). */
  photos: boolean;
}

/** What a read found: its counters, issues and photo references. */
export interface ReadSummary {
  format: string;
  rows: number;
  badRows: number;
  ignored: number;
  actionsSeen: number;
  issues: IssueSnapshot;
  refs: PhotoRef[];
}

/** A read, or a file that is no format trollmap knows (with what its head showed). */
export type ReadOutcome = { kind: 'read'; summary: ReadSummary } | { kind: 'unsupported'; header: string[]; container: string };

/** Hooks of a read: `begin` is called once the format is known and returns where to write. */
export interface ReadHooks {
  begin(format: string): Promise<BlockTarget>;
  onProgress?(bytes: number, rows: number): void;
  signal?: AbortSignal;
}

/** Reads `path` (shown as `file`) into the target that `hooks.begin` returns. */
export async function readFile(path: string, file: string, choices: ReadChoices, hooks: ReadHooks): Promise<ReadOutcome> {
  let bytes = 0;
  let sink: BatchSink | undefined;
  const source = await openText(path, file, (b) => {
    bytes += b;
    hooks.onProgress?.(bytes, sink?.rows ?? 0);
  });
  try {
    const head = await readHead(source.head, file);
    const format = chooseFormat(head, choices.format, Object.keys(choices.map).length > 0);
    if (format === undefined) return { kind: 'unsupported', header: head.header, container: head.container };
    const target = await hooks.begin(format.name);
    const refs: PhotoRef[] = [];
    sink = new BatchSink(target, file, { ...(hooks.signal ? { signal: hooks.signal } : {}), ...(choices.photos ? { refs } : {}) });
    const readOptions = { map: choices.map, ...(choices.platform ? { platform: choices.platform } : {}) };
    await format.read(source, head, readOptions, sink);
    await sink.flush();
    const s = sink;
    return {
      kind: 'read',
      summary: { format: format.name, rows: s.rows, badRows: s.badRows, ignored: s.ignored, actionsSeen: s.actionsSeen, issues: s.issues.snapshot(), refs },
    };
  } finally {
    source.close();
  }
}
