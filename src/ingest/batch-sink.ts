// The sink that readers write into during one import: encodes actions into blocks (action-block.ts), drops
// repeated (platform, id) within the file, buffers accounts, counts rows, collects issues and photo references,
// and writes full buffers to a target (the store's import session, or the port back from a worker thread).
import { UserError } from '../core/errors.ts';
import type { Account, Action } from '../core/model.ts';
import { fillEntitiesFromText } from '../core/normalise/entities.ts';
import { ActionBlockWriter, type ActionBlock } from '../store/action-block.ts';
import type { RowIssue, Sink } from './formats/types.ts';
import { IssueCollector } from './issues.ts';
import { noteAvatar, noteImageMedia, type PhotoRef } from './photo-refs.ts';

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

/**
 * A copy of `s` that does not keep alive the string it was sliced from (V8 slices strings of 13+ characters
 * out of their parent; readers slice cells out of whole decoded chunks).
 */
function keep(s: string): string {
  return s.length < 13 ? s : `${s} `.slice(0, -1);
}

/** Buffers a reader's output and writes it to a BlockTarget. */
export class BatchSink implements Sink {
  rows = 0;
  badRows = 0;
  ignored = 0;
  actionsSeen = 0;
  readonly issues = new IssueCollector();
  private writer = new ActionBlockWriter();
  // Ids and acting accounts seen, per platform (usually one: no key strings to build per row); keyCount is
  // the number of ids remembered, -1 once given up.
  private platform: string | undefined;
  private idsByPlatform = new Map<string, Set<string>>();
  private accountsByPlatform = new Map<string, Set<string>>();
  private ids = new Set<string>();
  private accountIds = new Set<string>();
  private lastAccount: string | undefined;
  private keyCount = 0;
  private blockDistinct = true;
  private newAccounts: [string, string][] = [];
  private accounts = new Map<string, Account>();
  private lastBadLine = -1;
  private lastProfile: Account | undefined;

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
    if (a.platform !== this.platform) this.switchPlatform(a.platform);
    // The acting account is recorded even when the action is a repeat (as the store always did).
    if (a.account !== this.lastAccount && !this.accountIds.has(a.account)) {
      this.accountIds.add(keep(a.account));
      this.newAccounts.push([a.platform, a.account]);
    }
    this.lastAccount = a.account;
    if (this.keyCount >= 0) {
      if (this.ids.has(a.id)) return;
      this.ids.add(keep(a.id));
      if (++this.keyCount > (this.options.maxKeys ?? MAX_DISTINCT_KEYS)) {
        this.keyCount = -1;
        this.idsByPlatform.clear();
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
    const last = this.lastProfile;
    if (last !== undefined && last.id === a.id && last.platform === a.platform) {
      Object.assign(last, a);
      return;
    }
    const key = `${a.platform}:${a.id}`;
    const known = this.accounts.get(key);
    if (known) {
      Object.assign(known, a);
      this.lastProfile = known;
    } else {
      const copy = { ...a };
      this.accounts.set(key, copy);
      this.lastProfile = copy;
    }
  }

  private switchPlatform(platform: string): void {
    this.platform = platform;
    this.lastAccount = undefined;
    const ids = this.idsByPlatform.get(platform) ?? new Set<string>();
    const accounts = this.accountsByPlatform.get(platform) ?? new Set<string>();
    if (this.keyCount >= 0) this.idsByPlatform.set(platform, ids);
    this.accountsByPlatform.set(platform, accounts);
    this.ids = ids;
    this.accountIds = accounts;
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
    this.lastProfile = undefined;
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
