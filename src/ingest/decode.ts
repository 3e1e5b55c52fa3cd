// Opens an export file as text: plain or gzip (sniffed from the magic bytes), UTF-8 with or without BOM, UTF-16
// LE/BE (spreadsheet exports), and refuses binary files with a clear message. Memory stays bounded: the text
// arrives in chunks of about a megabyte.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { UserError } from '../core/errors.ts';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

const CHUNK = 1 << 16;
const HEAD = 64 * 1024;

function worldError(file: string, e: unknown): UserError {
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ENOENT') return new UserError(`${file}: no such file`, { cause: e });
  if (err?.code === 'EACCES') return new UserError(`${file}: permission denied`, { cause: e });
  if (err?.code === 'EISDIR') return new UserError(`${file}: is a folder, expected a file`, { cause: e });
  if (err?.code === 'Z_BUF_ERROR' || err?.code === 'Z_DATA_ERROR') {
    return new UserError(`${file}: the gzip data is damaged or cut short (${err.message}); expected a complete .gz file`, {
      cause: e,
    });
  }
  return new UserError(`${file}: cannot read (${err?.message ?? String(e)})`, { cause: e });
}

/** sha256 of the raw file bytes (compressed bytes for .gz), hex. */
export async function hashFile(path: string, file = path): Promise<string> {
  const h = createHash('sha256');
  try {
    for await (const buf of createReadStream(path, { highWaterMark: CHUNK })) h.update(buf as Buffer);
  } catch (e) {
    throw worldError(file, e);
  }
  return h.digest('hex');
}

function sniffEncoding(b: Buffer): TextEncoding {
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  // UTF-16 without a BOM: ASCII text has a zero in every other byte.
  const n = Math.min(b.length, 512) & ~1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) even++;
    if (b[i + 1] === 0) odd++;
  }
  if (n >= 8 && odd > n / 4 && even === 0) return 'utf-16le';
  if (n >= 8 && even > n / 4 && odd === 0) return 'utf-16be';
  return 'utf-8';
}

/** Refuses text that is really binary: NUL characters or many undecodable bytes near the start. */
function checkText(file: string, text: string): void {
  const nul = text.indexOf('\u0000');
  let bad = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) bad++;
  if (nul >= 0 || bad > Math.max(2, text.length / 100)) {
    throw new UserError(
      `${file}: looks like binary data, not text (${nul >= 0 ? 'NUL byte' : `${bad} undecodable bytes`} near the start); expected CSV, TSV, JSON or JSONL text (UTF-8 or UTF-16), optionally gzipped`,
    );
  }
}

/** A decoded text file: `head` is its first ~64 KB for sniffing; `chunks()` yields the whole text once. */
export interface TextSource {
  file: string;
  gzip: boolean;
  encoding: TextEncoding;
  head: string;
  chunks(): AsyncGenerator<string>;
  /** Releases the file (safe to call twice, and after a full read). */
  close(): void;
}

/** Opens `path` for reading as text; `onBytes` is told how many raw bytes were read (for progress by bytes). */
export async function openText(path: string, file: string, onBytes?: (n: number) => void): Promise<TextSource> {
  const raw = createReadStream(path, { highWaterMark: CHUNK });
  const rawIter = raw[Symbol.asyncIterator]();
  let first: Buffer;
  try {
    const r = await rawIter.next();
    first = r.done ? Buffer.alloc(0) : (r.value as Buffer);
  } catch (e) {
    throw worldError(file, e);
  }
  async function* rawBytes(): AsyncGenerator<Buffer> {
    onBytes?.(first.length);
    yield first;
    for (;;) {
      const r = await rawIter.next();
      if (r.done) return;
      onBytes?.((r.value as Buffer).length);
      yield r.value as Buffer;
    }
  }
  const gzip = first[0] === 0x1f && first[1] === 0x8b;
  let closed = false;
  let failure: unknown;
  const gunzip = gzip ? createGunzip({ chunkSize: CHUNK }) : undefined;
  if (gunzip) {
    // pipeline destroys both streams on error; the reader sees it through the iterator (or closed them itself).
    pipeline(Readable.from(rawBytes()), gunzip, (err) => {
      if (err && !closed) failure = err;
    });
  }
  const bytes: AsyncIterator<Buffer> = gunzip ? (gunzip[Symbol.asyncIterator]() as AsyncIterator<Buffer>) : rawBytes();
  const next = async (): Promise<Buffer | undefined> => {
    try {
      const r = await bytes.next();
      return r.done ? undefined : r.value;
    } catch (e) {
      throw worldError(file, failure ?? e);
    }
  };
  let firstBytes = (await next()) ?? Buffer.alloc(0);
  while (firstBytes.length < 4) {
    const more = await next();
    if (!more) break;
    firstBytes = Buffer.concat([firstBytes, more]);
  }
  const encoding = sniffEncoding(firstBytes);
  const decoder = new TextDecoder(encoding);
  const pending: string[] = [];
  let head = decoder.decode(firstBytes, { stream: true });
  pending.push(head);
  let done = false;
  while (head.length < HEAD && !done) {
    const b = await next();
    if (!b) {
      done = true;
      break;
    }
    const t = decoder.decode(b, { stream: true });
    pending.push(t);
    head += t;
  }
  checkText(file, head.slice(0, HEAD));
  let used = false;
  return {
    file,
    gzip,
    encoding,
    head: head.slice(0, HEAD),
    async *chunks() {
      if (used) throw new Error('TextSource.chunks() may be read only once');
      used = true;
      for (const t of pending) if (t !== '') yield t;
      if (!done) {
        for (let b = await next(); b; b = await next()) {
          const t = decoder.decode(b, { stream: true });
          if (t !== '') yield t;
        }
      }
      const tail = decoder.decode();
      if (tail !== '') yield tail;
      raw.destroy();
    },
    close() {
      closed = true;
      gunzip?.destroy();
      raw.destroy();
    },
  };
}
