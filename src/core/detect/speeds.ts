// Named speeds of coordination, and the warning when a window is finer than the data's time stamps.
import { PRECISION_MS, TIME_PRECISIONS, type TimePrecision } from '../model.ts';

/**
 * Presets for the co-action window, in ms:
 *   seconds  10 s  — automation: scripts and bot panels fire within seconds (CooRTweet's default window);
 *   minutes  10 min — people on a shift working through a task list, one item after another;
 *   day      24 h  — a campaign: the same material pushed by many accounts on the same day.
 */
export const SPEEDS = { seconds: 10_000, minutes: 600_000, day: 86_400_000 } as const;
export type Speed = keyof typeof SPEEDS;

/** Data, not console output: the window cannot be honoured for this share of the actions. */
export interface PrecisionWarning {
  code: 'window-finer-than-precision';
  window: number;
  precision: TimePrecision;
  actions: number;
  share: number;
  message: string;
}

/** One warning per time precision coarser than the window (precision column: indices into TIME_PRECISIONS). */
export function precisionWarnings(precision: Uint8Array, window: number): PrecisionWarning[] {
  const counts = new Float64Array(TIME_PRECISIONS.length);
  for (let i = 0; i < precision.length; i++) counts[precision[i]!]!++;
  const out: PrecisionWarning[] = [];
  TIME_PRECISIONS.forEach((p, i) => {
    const actions = counts[i]!;
    if (actions === 0 || PRECISION_MS[p] <= window) return;
    const share = actions / precision.length;
    out.push({
      code: 'window-finer-than-precision',
      window,
      precision: p,
      actions,
      share,
      message:
        `window ${window / 1000} s is finer than the time stamps of ${actions} actions (${(share * 100).toFixed(1)} %), ` +
        `which have ${p} precision: their co-actions mean "same ${p}", not "within ${window / 1000} s"`,
    });
  });
  return out;
}
