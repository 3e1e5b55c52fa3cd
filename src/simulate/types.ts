// The simulator's own records: accounts with their ground truth, factories, operators and generated actions.
import type { ActionKind } from '../core/model.ts';
import type { Shift } from './clock.ts';
import type { Client } from './text-political.ts';
import type { Tongue } from './text-organic.ts';

/** What an account is in the simulated world (the `role` column of truth.csv). */
export type Role =
  | 'ordinary' | 'reader' | 'fan' | 'supporter' | 'news' | 'politician' | 'celebrity'
  | 'commenter' | 'amplifier';

/** A profile photo: a source portrait and the variant made of it (`file` is relative to the output folder). */
export interface PhotoRef {
  source: number;
  variant: 'original' | 'mirror' | 'crop' | 'recompress' | 'mirror-crop';
  /** Which of several variants of the same kind (crop boxes, JPEG qualities differ). */
  k: number;
  file: string;
}

/** A simulated account with its ground truth. */
export interface SimAccount {
  index: number;
  /** Numeric platform id; grows with creation time like real platform ids. */
  id: number;
  handle: string;
  name: string;
  created: number;
  bio: string;
  followers: number;
  following: number;
  photo?: PhotoRef;
  label: 'organic' | 'troll';
  role: Role;
  /** Zone offset in hours plus the person's chronotype (night owls post later). */
  offset: number;
  tongue: Tongue;
  /** Relative activity (heavy-tailed for organic accounts; how often an operator uses a troll account). */
  activity: number;
  /** Factory / operator index, -1 for organic accounts. */
  factory: number;
  operator: number;
  /** Page index for pages; news page of a reader; fan community of a fan; client of a supporter; else -1. */
  group: number;
}

/** One operator: a person running a batch of accounts on one shift. */
export interface OperatorPlan {
  index: number;
  id: string;
  factory: number;
  shift: Shift;
  accounts: number[];
}

/** A factory: who it works for when, how it works, and its operators. */
export interface FactoryPlan {
  index: number;
  id: string;
  /** Client index from each day on (a second entry is the allegiance switch). */
  schedule: { fromDay: number; client: number }[];
  office: boolean;
  operators: OperatorPlan[];
  /** Photo sources this factory's operators steal from. */
  photoPool: number[];
}

/** A page (news outlet, politician, celebrity) and who reads it. */
export interface Page {
  index: number;
  account: number;
  kind: 'news' | 'politician' | 'celebrity';
  /** Client index for a politician's page. */
  client: number;
  lang: Tongue;
  domain: string;
  /** Regular readers (news) or fan community (celebrity). */
  regulars: number[];
}

/** A generated action; `n` is its number in time order, assigned when its day is flushed. */
export interface SimAction {
  seq: number;
  n: number;
  account: number;
  kind: ActionKind;
  time: number;
  target?: SimAction | undefined;
  shared?: SimAction | undefined;
  text: string;
  lang: 'ru' | 'ky' | '';
  urls?: string[] | undefined;
  hashtags?: string[] | undefined;
  mentions?: string[] | undefined;
  media?: string[] | undefined;
  /** A few organic comments kept on politicians' posts so operators can answer critics. */
  thread?: SimAction[] | undefined;
  /** Scratch number for writers (e.g. a Telegram message id), set when the action is written. */
  ext: number;
}

/** The world before any action: accounts, pages, clients and factories. */
export interface World {
  accounts: SimAccount[];
  pages: Page[];
  clients: Client[];
  factories: FactoryPlan[];
  /** Organic, non-page accounts in a ring of acquaintances (friends are near each other on it). */
  ring: Int32Array;
  ringPos: Int32Array;
  /** Cumulative activity over `ring` order, to draw active people more often. */
  activityCum: Float64Array;
}
