// The sink that readers write into during one import: buffers actions and accounts, writes them to the store's
// import session in batches, counts rows and collects issues.
import { UserError } from '../core/errors.ts';
import type { Account, Action } from '../core/model.ts';
import type { ImportSession } from '../store/store.ts';
import type { RowIssue, Sink } from './formats/types.ts';
import { IssueCollector } from './issues.ts';
import { fillEntitiesFromText } from '../core/normalise/entities.ts';

const ACTION_BATCH = 1000;
const ACCOUNT_BATCH = 20_000;

/** Buffers a reader's output and writes it through an ImportSession. */
export class BatchSink implements Sink {
  rows = 0;
  badRows = 0;
  ignored = 0;
  actionsSeen = 0;
  actionsAdded = 0;
  readonly issues = new IssueCollector();
  private actions: Action[] = [];
  private accounts = new Map<string, Account>();
  private lastBadLine = -1;
  private lastAccount: Account | undefined;

  constructor(
    private readonly session: ImportSession,
    private readonly file: string,
    private readonly signal?: AbortSignal,
  ) {}

  row(): void {
    this.rows++;
  }

  action(a: Action): void {
    this.actionsSeen++;
    fillEntitiesFromText(a);
    this.actions.push(a);
  }

  account(a: Account): void {
    // Exports are often sorted by account: the same account row after row skips the map lookup.
    const last = this.lastAccount;
    if (last !== undefined && last.id === a.id && last.platform === a.platform) {
      Object.assign(last, a);
      return;
    }
    const key = `${a.platform}:${a.id}`;
    const known = this.accounts.get(key);
    if (known) {
      Object.assign(known, a);
      this.lastAccount = known;
    } else {
      const copy = { ...a };
      this.accounts.set(key, copy);
      this.lastAccount = copy;
    }
  }

  bad(issue: RowIssue): void {
    // One row with several problems counts once.
    if (issue.line !== this.lastBadLine || issue.line === 0) this.badRows++;
    this.lastBadLine = issue.line;
    this.issues.add({ file: this.file, ...issue }, true);
  }

  warn(issue: RowIssue): void {
    this.issues.add({ file: this.file, ...issue }, false);
  }

  skip(): void {
    this.ignored++;
  }

  async drain(): Promise<void> {
    if (this.signal?.aborted) throw new UserError(`interrupted while importing ${this.file}; nothing from it was written`, { exitCode: 130 });
    if (this.accounts.size >= ACCOUNT_BATCH) await this.writeAccounts();
    if (this.actions.length >= ACTION_BATCH) await this.writeActions();
  }

  /** Writes whatever is buffered. */
  async flush(): Promise<void> {
    await this.writeAccounts();
    await this.writeActions();
  }

  private async writeAccounts(): Promise<void> {
    if (this.accounts.size === 0) return;
    const list = [...this.accounts.values()];
    this.accounts = new Map();
    this.lastAccount = undefined;
    await this.session.putAccounts(list);
  }

  private async writeActions(): Promise<void> {
    if (this.actions.length === 0) return;
    const list = this.actions;
    this.actions = [];
    this.actionsAdded += await this.session.putActions(list);
  }
}
