// A batch of actions as one binary block, so an import can hand thousands of actions to the store (across a
// worker thread, as one transferable buffer) without an object or a bound value per field on the writing side.
// The encoding is SQLite's JSONB (https://sqlite.org/jsonb.html): an array of rows, each row an array of
// ACTION_ROW values; strings are TEXTRAW (UTF-8 as is), integers INT, absent values NULL. SQLite reads it with
// jsonb_each in C; another store can decode it (the format is small and documented).
import type { Action } from '../core/model.ts';

/** The values of one encoded row, in this order. */
export const ACTION_ROW = [
  'platform', 'id', 'account', 'kind', 'time_ms', 'time_precision', 'target', 'shared', 'text',
  'urls', 'hashtags', 'mentions', 'media', 'lang', 'raw',
] as const;

/** Encoded actions of one import, in input order. */
export interface ActionBlock {
  /** JSONB array of rows. */
  bytes: Uint8Array;
  rows: number;
  /** True when no row repeats a (platform, id) of this block or of an earlier distinct block of the session. */
  distinct: boolean;
  /** Accounts named by these actions as [platform, id] (each once per session at least), so bare ones exist. */
  accounts: [string, string][];
}

// JSONB element types and the header form used here: a size byte count of 1, 2 or 4 (types 12, 13, 14).
const NULL = 0x00;
const INT = 0x03;
const FLOAT = 0x05;
const TEXTRAW = 0x0a;
const ARRAY = 0x0b;

const encoder = new TextEncoder();

/** Appends actions as JSONB rows to a growing buffer. */
export class ActionBlockWriter {
  private buf: Buffer = Buffer.allocUnsafe(1 << 20);
  private at = 5;
  private count = 0;

  get rows(): number {
    return this.count;
  }

  /** Bytes written so far. */
  get size(): number {
    return this.at;
  }

  add(a: Action): void {
    this.reserve(64);
    const rowStart = this.at;
    this.at += 5;
    this.str(a.platform);
    this.str(a.id);
    this.str(a.account);
    this.str(a.kind);
    this.num(a.time);
    this.str(a.precision);
    this.opt(a.target);
    this.opt(a.shared);
    this.opt(a.text);
    this.list(a.urls);
    this.list(a.hashtags);
    this.list(a.mentions);
    this.list(a.media);
    this.opt(a.lang);
    if (a.raw === undefined) this.nul();
    else this.json(a.raw);
    this.header(rowStart, ARRAY, this.at - rowStart - 5);
    this.count++;
  }

  /** The block so far (the writer starts empty again). */
  take(): { bytes: Uint8Array; rows: number } {
    this.header(0, ARRAY, this.at - 5);
    const bytes = new Uint8Array(this.at);
    bytes.set(this.buf.subarray(0, this.at));
    const rows = this.count;
    this.at = 5;
    this.count = 0;
    return { bytes, rows };
  }

  private reserve(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.at + n));
    this.buf.copy(next, 0, 0, this.at);
    this.buf = next;
  }

  // A 5-byte header (size in 4 bytes) at `at`.
  private header(at: number, type: number, size: number): void {
    this.buf[at] = 0xe0 | type;
    this.buf.writeUInt32BE(size, at + 1);
  }

  private nul(): void {
    this.reserve(1);
    this.buf[this.at++] = NULL;
  }

  private str(s: string): void {
    // UTF-8 needs at most 3 bytes per UTF-16 unit: that bound picks the header size before encoding.
    const max = s.length * 3;
    this.reserve(max + 5);
    const b = this.buf;
    const start = this.at;
    if (max < 256) {
      const written = writeUtf8(b, s, start + 2);
      b[start] = 0xc0 | TEXTRAW;
      b[start + 1] = written;
      this.at = start + 2 + written;
    } else if (max < 65_536) {
      const written = b.write(s, start + 3, 'utf8');
      b[start] = 0xd0 | TEXTRAW;
      b.writeUInt16BE(written, start + 1);
      this.at = start + 3 + written;
    } else {
      const written = b.write(s, start + 5, 'utf8');
      this.header(start, TEXTRAW, written);
      this.at = start + 5 + written;
    }
  }

  // JSON.stringify(raw) written straight into the block (NULL for an object without own keys): keys' bytes are
  // cached, and string values without characters to escape are copied as they are.
  private json(raw: Record<string, unknown>): void {
    this.reserve(5);
    const start = this.at;
    this.at += 5;
    let keys = 0;
    let own = false;
    for (const k in raw) {
      if (!Object.hasOwn(raw, k)) continue;
      own = true;
      const v = raw[k];
      let plain: string | undefined;
      let other: string | undefined;
      if (typeof v === 'string' && plainJson(v)) plain = v;
      else if ((other = JSON.stringify(v)) === undefined) continue;
      const key = keyBytes(k);
      this.reserve(key.length + 2 + (plain ?? other!).length * 3);
      const b = this.buf;
      b[this.at++] = keys++ === 0 ? 0x7b : 0x2c;
      b.set(key, this.at);
      this.at += key.length;
      if (plain !== undefined) {
        b[this.at++] = 0x22;
        this.at += writeUtf8(b, plain, this.at);
        b[this.at++] = 0x22;
      } else this.at += writeUtf8(b, other!, this.at);
    }
    if (!own) {
      this.at = start;
      return this.nul();
    }
    this.reserve(2);
    if (keys === 0) this.buf[this.at++] = 0x7b;
    this.buf[this.at++] = 0x7d;
    this.header(start, TEXTRAW, this.at - start - 5);
  }

  private opt(s: string | undefined): void {
    if (s === undefined) this.nul();
    else this.str(s);
  }

  private list(values: readonly string[]): void {
    if (values.length === 0) this.nul();
    else this.str(values.length === 1 ? values[0]! : values.join('\n'));
  }

  private num(n: number): void {
    if (!Number.isFinite(n)) return this.nul();
    if (Number.isInteger(n) && n >= 0 && n <= Number.MAX_SAFE_INTEGER) return this.natural(n);
    const text = String(n);
    this.reserve(text.length + 2);
    const b = this.buf;
    b[this.at] = 0xc0 | (Number.isInteger(n) ? INT : FLOAT);
    b[this.at + 1] = text.length;
    for (let i = 0; i < text.length; i++) b[this.at + 2 + i] = text.charCodeAt(i);
    this.at += 2 + text.length;
  }

  // A whole number ≥ 0 (times in ms) as decimal digits, without String(n): two halves below 1e8 are small ints.
  private natural(n: number): void {
    this.reserve(20);
    const b = this.buf;
    const hi = Math.floor(n / 1e8);
    let lo = n - hi * 1e8;
    const digits = hi > 0 ? decimalDigits(hi) + 8 : decimalDigits(lo);
    b[this.at] = 0xc0 | INT;
    b[this.at + 1] = digits;
    const end = this.at + 2 + digits;
    let p = end;
    if (hi > 0) {
      for (let i = 0; i < 8; i++) {
        b[--p] = 0x30 + (lo % 10);
        lo = Math.floor(lo / 10);
      }
      for (let h = hi; p > this.at + 2; h = Math.floor(h / 10)) b[--p] = 0x30 + (h % 10);
    } else {
      for (; p > this.at + 2; lo = Math.floor(lo / 10)) b[--p] = 0x30 + (lo % 10);
    }
    this.at = end;
  }
}

function decimalDigits(n: number): number {
  let d = 1;
  for (let x = n; x >= 10; x = Math.floor(x / 10)) d++;
  return d;
}

// True when JSON.stringify would write the string as is between quotes (no escapes, no lone surrogates).
function plainJson(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return false;
  }
  return true;
}

const KEYS = new Map<string, Uint8Array>();

// `"key":` as JSON.stringify writes it, encoded once per key.
function keyBytes(k: string): Uint8Array {
  let bytes = KEYS.get(k);
  if (bytes === undefined) {
    bytes = encoder.encode(`${JSON.stringify(k)}:`);
    if (KEYS.size < 10_000) KEYS.set(k, bytes);
  }
  return bytes;
}

// Copies ASCII by hand (short ids, kinds, platforms, JSON), else the UTF-8 encoder; returns bytes written.
function writeUtf8(b: Buffer, s: string, at: number): number {
  const n = s.length;
  if (n > 64) return b.write(s, at, 'utf8');
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return b.write(s, at, 'utf8');
    b[at + i] = c;
  }
  return n;
}
