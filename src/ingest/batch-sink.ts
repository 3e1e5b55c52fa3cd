// The sink that readers write into during one import: encodes actions into blocks (action-block.ts), drops
// repeated (platform, id) within the file, buffers accounts, counts rows, collects issues and photo references,
// and writes full buffers to a target (the store's import session, or the port back from a worker thread).
import { UserError } from '../core/errors.ts';
import type { Account, Action } from '../core/model.ts';
import { fillEntitiesFromText } from '../core/normalise/entities.ts';
import { ActionBlockWriter, type ActionBlock } from '../store/action-block.ts';
import type { RowIssue, Sink } from './formats/types.ts';
import { IssueCollector } from './issues.ts';
import { noteAvatar, noteImageMedia, type PhotoRef } from './photos-import.ts';

/** Where a BatchSink writes. */
export interface BlockTarget {
  putAccounts(accounts: readonly Account[]): Promise<void>;
  putActionBlock(block: ActionBlock): Promise<unknown>;
}

const BLOCK_ROWS = 4096;
const BLOCK_BYTES = 4 << 20;
const ACCOUNT_BATCH = 20_000;
/** Ids remembered for in-file dedupe; past this the store's unique index does it (bounded memory). */
export const MAX_DISTINCT_KEYS = 2_000_000;

/** Buffers a reader's output and writes it to a BlockTarget. */
export class BatchSink implements Sink {
  rows = 0;
  badRows = 0;
  ignored = 0;
  actionsSeen = 0;
  readonly issues = new IssueCollector();
  private writer = new ActionBlockWriter();
  // (platform, id) keys seen; keyCount -1 once given up.
  private ids = new Set<string>();
  private keyCount = 0;
  private blockDistinct = true;
  private actionAccounts = new Set<string>();
  private newAccounts: [string, string][] = [];
  private lastAccountId: string | undefined;
  private lastAccountPlatform: string | undefined;
  private accounts = new Map<string, Account>();
  private lastBadLine = -1;
  private lastAccount: Account | undefined;

  constructor(
    private readonly target: BlockTarget,
    private readonly file: string,
    private readonly options: { signal?: AbortSignal; refs?: PhotoRef[]; maxKeys?: number } = {},
  ) {}

  row(): void {
    this.rows++;
  }

  action(a: Action): void {
    this.actionsSeen++;
    // The acting account is recorded even when the action is a repeat (as the store always did).
    if (a.account !== this.lastAccountId || a.platform !== this.lastAccountPlatform) {
      this.lastAccountId = a.account;
      this.lastAccountPlatform = a.platform;
      const key = `${a.platform}\u0000${a.account}`;
      if (!this.actionAccounts.has(key)) {
        this.actionAccounts.add(key);
        this.newAccounts.push([a.platform, a.account]);
      }
    }
    if (this.keyCount >= 0) {
      // A built key, not a.id itself: a.id may be a slice of a whole decoded chunk that the set would keep alive.
      const key = `${a.platform}\u0000${a.id}`;
      if (this.ids.has(key)) return;
      this.ids.add(key);
      if (++this.keyCount > (this.options.maxKeys ?? MAX_DISTINCT_KEYS)) {
        this.keyCount = -1;
        this.ids = new Set();
        this.blockDistinct = false;
      }
    } else this.blockDistinct = false;
    fillEntitiesFromText(a);
    if (this.options.refs && a.media.length > 0) noteImageMedia(a, this.options.refs);
    this.writer.add(a);
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
    if (this.options.signal?.aborted) throw new UserError(`interrupted while importing ${this.file}; nothing from it was written`, { exitCode: 130 });
    if (this.accounts.size >= ACCOUNT_BATCH) await this.writeAccounts();
    if (this.writer.rows >= BLOCK_ROWS || this.writer.size >= BLOCK_BYTES) await this.writeActions();
  }

  /** Writes whatever is buffered. */
  async flush(): Promise<void> {
    await this.writeActions();
  }

  private async writeAccounts(): Promise<void> {
    if (this.accounts.size === 0) return;
    const list = [...this.accounts.values()];
    this.accounts = new Map();
    this.lastAccount = undefined;
    if (this.options.refs) for (const a of list) noteAvatar(a, this.options.refs);
    await this.target.putAccounts(list);
  }

  private async writeActions(): Promise<void> {
    // Accounts go with each block: their strings are slices of decoded chunks, held no longer than a block.
    await this.writeAccounts();
    if (this.writer.rows === 0 && this.newAccounts.length === 0) return;
    const block: ActionBlock = { ...this.writer.take(), distinct: this.blockDistinct, accounts: this.newAccounts };
    this.newAccounts = [];
    this.blockDistinct = this.keyCount >= 0;
    await this.target.putActionBlock(block);
  }
}
