// Traces: what every co-action layer hands to the kernel. One trace is (account, key, time, action): an account
// acted on a key (a shared post, a link, a target, a text cluster …) at a time, through one action. Layers differ
// only in how they turn actions into keys; the kernel never looks at strings.

/** Traces as columns: row t of every array is one trace; indices point into the dictionaries of `LayerTraces`. */
export interface Traces {
  count: number;
  account: Int32Array;
  key: Int32Array;
  /** ms since the epoch. */
  time: Float64Array;
  /** Index of the action (row of ActionColumns, or of the input file) behind the trace. */
  action: Int32Array;
}

/** Traces with the dictionaries that give their indices a name. */
export interface LayerTraces {
  traces: Traces;
  /** Account names by account index (`platform:id` from the store, or input ids). */
  accounts: readonly string[];
  /** Key names by key index (the CooRTweet `object_id`). */
  keys: readonly string[];
  /** Action ids by action index (the CooRTweet `content_id`). */
  actions: readonly string[];
}

/**
 * Collects traces one by one into typed arrays, made for `capacity` traces (a layer that knows how many it will push,
 * or a bound, spares the doublings and their copies: the arrays a layer allocates start V8's major collections)
 * and grown when more come.
 */
export class TraceBuilder {
  private n = 0;
  private account: Int32Array;
  private key: Int32Array;
  private time: Float64Array;
  private action: Int32Array;

  constructor(capacity = 1024) {
    const size = Math.max(16, capacity);
    this.account = new Int32Array(size);
    this.key = new Int32Array(size);
    this.time = new Float64Array(size);
    this.action = new Int32Array(size);
  }

  push(account: number, key: number, time: number, action: number): void {
    if (this.n === this.account.length) this.grow();
    this.account[this.n] = account;
    this.key[this.n] = key;
    this.time[this.n] = time;
    this.action[this.n] = action;
    this.n++;
  }

  /** The traces pushed (the builder's own arrays when it is full, else copies of their used part). */
  build(): Traces {
    const n = this.n;
    const exact = n === this.account.length;
    const cut = <T extends Int32Array | Float64Array>(a: T): T => (exact ? a : (a.slice(0, n) as T));
    return { count: n, account: cut(this.account), key: cut(this.key), time: cut(this.time), action: cut(this.action) };
  }

  private grow(): void {
    const size = this.account.length * 2;
    const a = new Int32Array(size);
    a.set(this.account);
    this.account = a;
    const k = new Int32Array(size);
    k.set(this.key);
    this.key = k;
    const t = new Float64Array(size);
    t.set(this.time);
    this.time = t;
    const x = new Int32Array(size);
    x.set(this.action);
    this.action = x;
  }
}

/** Interns strings to dense indices in first-seen order. */
export class Dictionary {
  readonly names: string[] = [];
  private readonly index = new Map<string, number>();

  intern(name: string): number {
    let i = this.index.get(name);
    if (i === undefined) {
      i = this.names.length;
      this.names.push(name);
      this.index.set(name, i);
    }
    return i;
  }
}

/** Picks the traces at the given positions, in that order (used to reorder or filter traces). */
export function selectTraces(traces: Traces, rows: Int32Array): Traces {
  const n = rows.length;
  const out: Traces = {
    count: n,
    account: new Int32Array(n),
    key: new Int32Array(n),
    time: new Float64Array(n),
    action: new Int32Array(n),
  };
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    out.account[i] = traces.account[r]!;
    out.key[i] = traces.key[r]!;
    out.time[i] = traces.time[r]!;
    out.action[i] = traces.action[r]!;
  }
  return out;
}

/** How many accounts and keys the traces index (max + 1), and each account's number of traces. */
export function traceCounts(traces: Traces): { accounts: number; keys: number; perAccount: Float64Array } {
  const { account, key, count } = traces;
  let accounts = 0;
  let keys = 0;
  for (let t = 0; t < count; t++) {
    if (account[t]! >= accounts) accounts = account[t]! + 1;
    if (key[t]! >= keys) keys = key[t]! + 1;
  }
  const perAccount = new Float64Array(accounts);
  for (let t = 0; t < count; t++) perAccount[account[t]!]!++;
  return { accounts, keys, perAccount };
}
