// The formats trollmap reads, in sniffing order (most specific first; generic last). `--format NAME` forces one.
//
//   twitter-io            Twitter/X information-operations archive CSV
//   ira                   FiveThirtyEight IRA tweets CSV (also the .csv.gz as is)
//   coortweet             CooRTweet's four-column shares table and its german_elections table
//   telegram              Telegram Desktop result.json (one chat, or the full-account export with chats.list)
//   crowdtangle           CrowdTangle CSV: Facebook pages/groups (old and new headers) and Instagram
//   meta-content-library  Meta Content Library CSV (id, creation_time, text, post_owner.id, …)
//   4cat                  4CAT CSV or NDJSON (id, thread_id, author, body, timestamp)
//   youtube               YouTube Data API commentThreads JSON (responses, arrays of them, or JSON lines)
//   generic               any CSV/TSV/JSON/JSONL with --map field=column or recognised column names
import { UserError } from '../../core/errors.ts';
import { coortweet } from './coortweet.ts';
import { crowdtangle } from './crowdtangle.ts';
import { fourCat } from './fourcat.ts';
import { generic } from './generic.ts';
import { ira } from './ira.ts';
import { metaContentLibrary } from './meta-content-library.ts';
import { telegram } from './telegram.ts';
import { twitterIo } from './twitter-io.ts';
import type { Format, Head } from './types.ts';
import { youtube } from './youtube.ts';

/** Every format, in sniffing order. */
export const FORMATS: readonly Format[] = [
  twitterIo, ira, coortweet, telegram, youtube, crowdtangle, metaContentLibrary, fourCat, generic,
];

/** `--help` text: one line per format. */
export function formatsHelp(): string {
  return FORMATS.map((f) => `  ${f.name.padEnd(21)} ${f.summary} [platform: ${f.platform}]`).join('\n');
}

/** The forced format, else the first whose sniff accepts the head; `--map` without `--format` means generic. */
export function chooseFormat(head: Head, forced: string | undefined, mapped: boolean): Format | undefined {
  if (forced !== undefined) {
    const f = FORMATS.find((x) => x.name === forced);
    if (f === undefined) {
      throw new UserError(`--format (${forced}): unknown format; expected one of ${FORMATS.map((x) => x.name).join(', ')}`);
    }
    if (mapped && f !== generic) {
      throw new UserError(`--map applies to the generic format only; --format ${forced} has fixed columns (leave out --format, or use --format generic)`);
    }
    if (!f.containers.includes(head.container)) {
      throw new UserError(`${head.file}: --format ${forced} reads ${f.containers.join('/')}, but this file looks like ${head.container}`);
    }
    return f;
  }
  if (mapped) return generic;
  return FORMATS.find((f) => f.containers.includes(head.container) && f.sniff(head));
}

export type { Format, Head } from './types.ts';
