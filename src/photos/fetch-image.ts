// Fetches an image over http(s) for `--fetch-media`: opt-in, with a timeout, a size limit (checked on the
// Content-Length and again while reading) and a Content-Type check. Failures are PhotoIssues, not exceptions.
import type { PhotoIssue } from '../core/photo/photo-issue.ts';

/** Limits of one fetch. */
export interface FetchLimits {
  /** Whole request, headers and body, in ms. */
  timeoutMs: number;
  /** Largest body accepted, in bytes (avatars are tens of kilobytes). */
  maxBytes: number;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = { timeoutMs: 15_000, maxBytes: 10 * 1024 * 1024 };

export type FetchResult = { ok: true; bytes: Uint8Array } | { ok: false; issue: PhotoIssue };

const fail = (url: string, code: PhotoIssue['code'], why: string): FetchResult => ({ ok: false, issue: { file: url, code, message: `${url}: ${why}` } });

/** Fetches `url` (http or https only); `fetchImpl` is global fetch unless a test passes another. */
export async function fetchImage(url: string, limits: FetchLimits = DEFAULT_FETCH_LIMITS, fetchImpl: typeof fetch = fetch): Promise<FetchResult> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail(url, 'unreadable', 'not a valid URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return fail(url, 'unreadable', `only http and https are fetched, not ${parsed.protocol}`);
  const signal = AbortSignal.timeout(limits.timeoutMs);
  try {
    const res = await fetchImpl(parsed, { signal, redirect: 'follow', headers: { accept: 'image/*' } });
    if (!res.ok) {
      await res.body?.cancel();
      return fail(url, 'unreadable', `HTTP ${res.status}; expected 200`);
    }
    const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!type.startsWith('image/')) {
      await res.body?.cancel();
      return fail(url, 'unsupported-format', `content type ${type || '(none)'}; expected image/*`);
    }
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > limits.maxBytes) {
      await res.body?.cancel();
      return fail(url, 'too-large', `${declared} bytes; expected at most ${limits.maxBytes}`);
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    if (res.body) {
      for await (const chunk of res.body) {
        size += chunk.byteLength;
        // Leaving the loop cancels the stream (the async iterator's return()).
        if (size > limits.maxBytes) {
          return fail(url, 'too-large', `more than ${limits.maxBytes} bytes; expected at most ${limits.maxBytes}`);
        }
        chunks.push(chunk);
      }
    }
    return { ok: true, bytes: Buffer.concat(chunks) };
  } catch (e) {
    if (signal.aborted) return fail(url, 'unreadable', `no complete answer within ${limits.timeoutMs} ms`);
    return fail(url, 'unreadable', `cannot fetch (${(e as Error).message})`);
  }
}
