// Generic CSV/TSV/JSON/JSONL: columns chosen by `--map field=column` or recognised by common names (see
// generic-columns.ts). Without an id column a stable id is derived from platform, account, time, text and target.
import { hash } from 'node:crypto';
import { ACTION_KINDS, type Account, type Action, type ActionKind } from '../../core/model.ts';
import { listOf, str } from '../values.ts';
import { assignDefined, optionalCount, optionalTime, requiredTime } from './field-check.ts';
import { mentionsAccountKey, planColumns, type ColumnPlan, type MapField } from './generic-columns.ts';
import type { Format, Head, ReadOptions, Sink } from './types.ts';
import { readJson, readJsonLines, readTable } from '../records.ts';

const PROFILE_FIELDS = ['handle', 'name', 'created', 'bio', 'avatar', 'followers', 'following', 'profile_url', 'location'] as const;

const KIND_ALIASES: Record<string, ActionKind> = {
  retweet: 'share', repost: 'share', forward: 'share', rt: 'share', like: 'reaction', reply: 'reply',
};

/**
 * A stable id for an action that has none: the same row always gets the same id, in any export. The first 80 bits
 * of sha1 over platform, account, time, text and target (crypto.hash measured faster here than a JS hash loop).
 */
export function derivedId(platform: string, account: string, time: number, text: string, target: string): string {
  return hash('sha1', `${platform}\u0000${account}\u0000${time}\u0000${text}\u0000${target}`, 'hex').slice(0, 20);
}

/** Reads a value from a record by column name; dotted names reach into nested JSON objects. */
export type Getter = (column: string) => unknown;

function dig(record: Record<string, unknown>, column: string): unknown {
  if (column in record) return record[column];
  let v: unknown = record;
  for (const part of column.split('.')) {
    if (!v || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

// The value of a mapped field (module-level, not a closure per row: this runs for every field of every row).
function valueOf(plan: ColumnPlan, get: Getter, f: MapField): unknown {
  const col = plan.columns[f];
  return col === undefined ? undefined : get(col);
}

function strOf(plan: ColumnPlan, get: Getter, f: MapField): string | undefined {
  return str(valueOf(plan, get, f));
}

/** Maps one record with a plan; reports problems to the sink. */
export function mapGeneric(plan: ColumnPlan, get: Getter, line: number, options: ReadOptions, sink: Sink, fallbackPlatform: string): void {
  const c = plan.columns;
  const platform = (options.platform ?? strOf(plan, get, 'platform') ?? fallbackPlatform).toLowerCase();
  const account = strOf(plan, get, 'account');
  if (account === undefined) {
    const field = c.account ?? 'account';
    sink.bad({ line, field, code: 'missing-field', message: `${field} is empty; expected the account's id (map it with --map account=COLUMN)` });
    return;
  }
  const created = optionalTime(sink, line, c.created ?? 'created', valueOf(plan, get, 'created'));
  const profile = assignDefined<Account>({ platform, id: account }, {
    handle: strOf(plan, get, 'handle'), name: strOf(plan, get, 'name'), bio: strOf(plan, get, 'bio'), avatar: strOf(plan, get, 'avatar'), url: strOf(plan, get, 'profile_url'),
    location: strOf(plan, get, 'location'), createdAt: created?.ms, createdPrecision: created?.precision,
    followers: optionalCount(sink, line, c.followers ?? 'followers', strOf(plan, get, 'followers')),
    following: optionalCount(sink, line, c.following ?? 'following', strOf(plan, get, 'following')),
  });
  if (plan.accountsOnly) {
    sink.account(profile);
    return;
  }
  const time = requiredTime(sink, line, c.time ?? 'time', valueOf(plan, get, 'time'));
  if (time === undefined) return;
  const lists: Record<'url' | 'hashtag' | 'mention' | 'media', string[]> = { url: [], hashtag: [], mention: [], media: [] };
  for (const f of ['url', 'hashtag', 'mention', 'media'] as const) {
    const l = listOf(valueOf(plan, get, f));
    if (l === undefined) {
      sink.warn({ line, field: c[f] ?? f, code: 'bad-value', message: `${c[f]} is not a list; expected values separated by spaces or a JSON array` });
    } else lists[f] = l;
  }
  const target = strOf(plan, get, 'target');
  const shared = strOf(plan, get, 'shared');
  let kind: ActionKind = shared !== undefined ? 'share' : target !== undefined ? 'comment' : 'post';
  const k = strOf(plan, get, 'kind')?.toLowerCase();
  if (k !== undefined) {
    const known = (ACTION_KINDS as readonly string[]).includes(k) ? (k as ActionKind) : KIND_ALIASES[k];
    if (known === undefined) {
      sink.bad({ line, field: c.kind ?? 'kind', code: 'bad-value', message: `${c.kind} is not a kind ("${k}"); expected one of ${ACTION_KINDS.join(', ')}` });
      return;
    }
    kind = known;
  }
  const rawText = valueOf(plan, get, 'text');
  const text = typeof rawText === 'string' ? (rawText.trim() === '' ? undefined : rawText) : str(rawText);
  const action = assignDefined<Action>(
    {
      platform, id: strOf(plan, get, 'id') ?? derivedId(platform, account, time.ms, text ?? '', target ?? ''), account, kind,
      time: time.ms, precision: time.precision, urls: lists.url, hashtags: lists.hashtag, mentions: lists.mention,
      media: lists.media,
    },
    { target, shared, text, lang: strOf(plan, get, 'lang') },
  );
  if (plan.rest.length > 0) {
    const raw: Record<string, unknown> = {};
    for (const col of plan.rest) {
      const v = get(col);
      if (v !== undefined && v !== null && v !== '') raw[col] = v;
    }
    if (Object.keys(raw).length > 0) action.raw = raw;
  }
  sink.action(action);
  if (Object.keys(profile).length > 2) sink.account(profile);
}

/** Generic tables and JSON records with the column contract of generic-columns.ts. */
export const generic: Format = {
  name: 'generic',
  summary: 'any CSV/TSV/JSON/JSONL with --map field=column, or columns named id, account, time, text, … (accounts files: account, handle, name, created, …)',
  platform: 'unknown',
  containers: ['csv', 'json', 'jsonl'],
  sniff(head: Head): boolean {
    if (head.container === 'json') return mentionsAccountKey(head.text);
    const plan = planColumns(head.header, {}, head.file, false);
    if (plan.columns.account === undefined) return false;
    // Without times this is an accounts file only if it has profile columns (a label list such as the
    // simulator's truth.csv is not data to import).
    return !plan.accountsOnly || PROFILE_FIELDS.some((f) => plan.columns[f] !== undefined);
  },
  async read(source, head, options, sink) {
    const platform = this.platform;
    if (head.container === 'csv') {
      await readTable(source, head, sink, (header) => {
        const plan = planColumns(header, options.map, source.file, true);
        const index = new Map(header.map((h, i) => [h, i]));
        return (fields, line) => mapGeneric(plan, (col) => fields[index.get(col) ?? -1], line, options, sink, platform);
      });
      return;
    }
    // JSON records need not share keys: one plan per key set (usually just one).
    const plans = new Map<string, ColumnPlan>();
    const one = (record: Record<string, unknown>, line: number): void => {
      const keys = Object.keys(record);
      const signature = keys.join('\u0000');
      let plan = plans.get(signature);
      if (plan === undefined) {
        plan = planColumns(keys, options.map, source.file, false);
        if (plans.size < 1000) plans.set(signature, plan);
      }
      mapGeneric(plan, (col) => dig(record, col), line, options, sink, platform);
    };
    if (head.container === 'jsonl') {
      await readJsonLines(source, sink, one);
      return;
    }
    const key = /^\s*\{\s*"([^"]+)"\s*:\s*\[/.exec(head.text)?.[1];
    const path = head.text.trimStart().startsWith('[') ? '$.*' : `$.${key ?? 'data'}.*`;
    let n = 0;
    await readJson(source, [path], sink, (_path, value) => {
      n++;
      sink.row();
      if (!value || typeof value !== 'object' || Array.isArray(value)) {
        sink.bad({ line: n, code: 'bad-json', message: 'record is not a JSON object; expected an object per action' });
        return;
      }
      one(value as Record<string, unknown>, n);
    });
  },
};
