// Scenario parameters: everything the simulator needs besides its code. Pure; the seed is a parameter.

/** The knobs of one simulated world; the same parameters and seed give the same output, byte for byte. */
export interface ScenarioParams {
  seed: number;
  /** First simulated day, ms since the epoch at 00:00 UTC. */
  start: number;
  days: number;
  /** Total accounts, organic and troll. */
  accounts: number;
  /** Share of all accounts that belong to troll factories. */
  trollShare: number;
  factories: number;
  /** Political clients (each has an organic page; factories defend one and attack the others). */
  clients: number;
  /** Day index (0-based) of the election; activity of factories rises towards it. */
  electionDay: number;
  /** Day index on which the last factory switches to another client (no switch when ≥ days or < 1). */
  switchDay: number;
  newsPages: number;
  fanCommunities: number;
  /** Scales organic activity (1 = the calibrated default, ~0.3 actions per organic account per day). */
  activity: number;
  /** Platform name written into generic CSV/JSONL exports. */
  platform: string;
}

/** Options a user may set from the command line; the rest follows from them. */
export interface ScenarioOptions {
  seed?: number;
  accounts?: number;
  factories?: number;
  days?: number;
  start?: number;
  platform?: string;
}

/** 2026-03-01T00:00:00Z: covers 8 March and, with enough days, Nooruz (21 March). */
export const DEFAULT_START = Date.UTC(2026, 2, 1);

/** The small default world (~11k actions, 1 200 accounts, 3 factories, 14 days) used by `trollmap demo`. */
export function defaultScenario(seed = 1): ScenarioParams {
  return scenarioFor({ seed });
}

/** A scenario built from the user's options; clients, pages and key days scale with them. */
export function scenarioFor(options: ScenarioOptions): ScenarioParams {
  const accounts = options.accounts ?? 1200;
  const days = options.days ?? 14;
  const factories = options.factories ?? 3;
  if (!Number.isInteger(accounts) || accounts < 200) throw new RangeError(`accounts (${accounts}): expected ≥ 200`);
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`days (${days}): expected ≥ 1`);
  if (!Number.isInteger(factories) || factories < 0) throw new RangeError(`factories (${factories}): expected ≥ 0`);
  const most = Math.floor((accounts * 0.1) / 10);
  if (factories > most) {
    throw new RangeError(`factories (${factories}): at most ${most} for ${accounts} accounts (a tenth of the accounts are trolls, at least 10 per factory)`);
  }
  return {
    seed: options.seed ?? 1,
    start: options.start ?? DEFAULT_START,
    days,
    accounts,
    trollShare: factories === 0 ? 0 : 0.1,
    factories,
    clients: 3,
    electionDay: Math.max(0, days - 3),
    switchDay: Math.floor(days / 2),
    newsPages: Math.min(12, 3 + Math.floor(accounts / 20000)),
    fanCommunities: Math.min(10, 2 + Math.floor(accounts / 25000)),
    activity: 1,
    platform: options.platform ?? 'facebook',
  };
}
