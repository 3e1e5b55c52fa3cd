// A detection run as stored: parameters, version, input hash, and every finding with the evidence behind it.
// Explanations and reports are rendered from this record, never recomputed (STYLE.md §4).

/** Parameters that, with the input, fully determine a run's output. */
export interface RunParams {
  layers: string[];
  /** Co-action window in ms, per layer name (a layer not listed uses `window`). */
  window: number;
  windows?: Record<string, number>;
  minParticipation: number;
  /** Significance level for keeping an edge (our default method). */
  alpha?: number;
  /** `significance` (default) or `coortweet` (parity mode: percentile cut). */
  method: 'significance' | 'coortweet';
  seed: number;
  platform?: string;
  since?: number;
  until?: number;
  /** Null model per layer chosen for this run (`--null layer=model`); a layer not listed uses the pipeline's default. */
  nulls?: Record<string, 'configuration' | 'membership'>;
  /** How each action layer's edges were tested (filled by the pipeline): null model, BH q-value threshold, min keys. */
  tests?: LayerTest[];
}

/** One layer's significance test as run: edges are kept when q ≤ `qThreshold` and they met on ≥ `minKeys` keys. */
export interface LayerTest {
  layer: string;
  null: 'configuration' | 'membership';
  qThreshold: number;
  minKeys: number;
}

/** Two actions of two accounts on one key, with their time gap: the atom of evidence. */
export interface PairEvidence {
  layer: string;
  /** The shared key as a person reads it: the URL, the text cluster's text, the post id. */
  key: string;
  /**
   * Action keys `platform:id`: `actionA` is an action of the edge's account `a`, `actionB` of `b`. In the co-photo
   * layer they are photo sources instead (the path or URL of a's photo and of b's), `key` is
   * "<transform> photo <sha256 prefix>" and `dt` is 0 (src/core/photo/co-photo-edges.ts).
   */
  actionA: string;
  actionB: string;
  /** |Δt| in ms. */
  dt: number;
}

/** Two accounts linked in one layer. `a` < `b` (account keys). */
export interface RunEdge {
  a: string;
  b: string;
  layer: string;
  /** Number of coordinated action pairs. */
  pairs: number;
  /** Distinct keys the two shared within the window. */
  keys: number;
  /** Rarity-weighted strength used for the graph. */
  weight: number;
  /** One-sided p-value of the null model (absent in parity mode). */
  p?: number;
  z?: number;
  /** A bounded sample of the pairs behind the edge, strongest first. */
  evidence: PairEvidence[];
}

/** Per-account behaviour patterns. Weak alone: they never flag an account by themselves. */
export interface AccountSignals {
  actions: number;
  /** Actions per hour of week in UTC, Monday 00:00 first (168 bins). */
  hourOfWeek: number[];
  /** Share of actions 00:00–06:00 local time (UTC+offset given to the run). */
  nightShare: number;
  /** Share of actions on weekdays 10:00–19:00 local time. */
  officeHoursShare: number;
  activeDays: number;
  actionsPerDay: number;
  /** Days between account creation and its first action, when the creation date is known. */
  ageAtFirstActionDays?: number;
  emptyBio: boolean;
  ownPosts: number;
  templatedHandle: boolean;
  /** Local offset (hours east of UTC) used for the shares, the active window and active days. */
  offsetHours?: number;
  /** Actions timed finer than a day: the base of the hour-based shares. */
  timedActions?: number;
  firstAction?: number;
  lastAction?: number;
  /** Narrowest block of local hours (wrapping midnight) that holds 90 % of the timed actions. */
  activeWindow?: { start: number; hours: number; share: number };
  /** The active window is sharply bounded: the account works in a shift. */
  shift?: boolean;
  handleSkeleton?: string;
  /** Accounts of the same platform whose handle has the same skeleton (this one included). */
  handleFamily?: number;
  /** Linked partners whose shift window does not overlap this account's (alternating shifts). */
  alternatesWith?: string[];
  /** Names of the weak signals that fired, in a fixed order (see src/core/signals/weak-signals.ts). */
  weak?: string[];
}

export interface PartnerLink {
  account: string;
  layer: string;
  pairs: number;
  p?: number;
}

export interface AccountFinding {
  account: string;
  score: number;
  /** Network id, or -1 when the account is in no network. */
  network: number;
  /** Coordinated pairs per layer. */
  layers: Record<string, number>;
  partners: PartnerLink[];
  signals: AccountSignals;
  /** One short sentence per reason, most important first. */
  reasons: string[];
}

export interface NetworkFinding {
  id: number;
  members: string[];
  score: number;
  layers: Record<string, number>;
  first: number;
  last: number;
  topTexts: { text: string; actions: number; accounts: number }[];
  topLinks: { url: string; actions: number }[];
  topTargets: { target: string; actions: number }[];
  /** Actions of members per UTC day. */
  timeline: { day: string; actions: number }[];
  /** Members' actions per hour of week (UTC, Monday 00:00 first). */
  hourOfWeek: number[];
}

export interface DetectionRun {
  id?: number;
  version: string;
  /** ms since the epoch; given by the caller (the core has no clock). */
  createdAt: number;
  params: RunParams;
  /** sha256 over the columns read, so a rerun on the same data can be recognised. */
  inputHash: string;
  actionsRead: number;
  warnings: string[];
  cappedKeys: { layer: string; key: string; traces: number }[];
  edges: RunEdge[];
  networks: NetworkFinding[];
  accounts: AccountFinding[];
}
