// Collects row issues without unbounded memory: each group (field + code) keeps its first issue and a count.
import type { Issue, IssueCode } from '../core/model.ts';

/** Issues of one kind in one file: the first one found and how many there were. */
export interface IssueGroup {
  first: Issue;
  count: number;
  /** True when rows were skipped for it; false when only a value was dropped. */
  skipped: boolean;
}

const KEEP = 100;

/** An IssueCollector's content as plain data. */
export interface IssueSnapshot {
  kept: Issue[];
  groups: [string, IssueGroup][];
}

/** Groups issues by field and code; keeps the first KEEP issues verbatim for the batch record. */
export class IssueCollector {
  private readonly groups = new Map<string, IssueGroup>();
  readonly kept: Issue[] = [];

  add(issue: Issue, skipped: boolean): void {
    if (this.kept.length < KEEP) this.kept.push(issue);
    const key = `${skipped ? 'bad' : 'warn'}\u0000${issue.field ?? ''}\u0000${issue.code}`;
    const g = this.groups.get(key);
    if (g) g.count++;
    else this.groups.set(key, { first: issue, count: 1, skipped });
  }

  /** Everything collected, as plain data (to cross a worker boundary). */
  snapshot(): IssueSnapshot {
    return { kept: this.kept, groups: [...this.groups.entries()] };
  }

  /** A collector holding what `snapshot` returned. */
  static restore(s: IssueSnapshot): IssueCollector {
    const c = new IssueCollector();
    c.kept.push(...s.kept);
    for (const [k, g] of s.groups) c.groups.set(k, g);
    return c;
  }

  /** Groups, most frequent first (then by first line). */
  list(): IssueGroup[] {
    return [...this.groups.values()].sort((a, b) => b.count - a.count || a.first.line - b.first.line);
  }
}

/** `✖ tweet_time is not a date ("31/02/2019") → at tweets.csv:1042 (and 37 more)`. */
export function formatIssueGroup(g: IssueGroup): string {
  const where = g.first.line > 0 ? `${g.first.file}:${g.first.line}` : g.first.file;
  const more = g.count > 1 ? ` (and ${g.count - 1} more)` : '';
  return `${g.skipped ? '✖' : '⚠'} ${g.first.message} → at ${where}${more}`;
}

export type { IssueCode };
