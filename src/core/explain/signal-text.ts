// Sentences for the weak signals an account shows, rendered from its stored signals.
import type { AccountSignals } from '../run.ts';
import { formatOffset, formatShare } from './format.ts';

const hh = (h: number): string => `${String(h % 24).padStart(2, '0')}:00`;

/** One sentence per weak signal in `signals.weak`, in that order. */
export function signalSentences(s: AccountSignals): string[] {
  return (s.weak ?? []).map((name) => sentence(name, s));
}

/** The sentence of one weak signal (its name when unknown). A switch, not a table of closures: made per account. */
function sentence(name: string, s: AccountSignals): string {
  const tz = formatOffset(s.offsetHours ?? 0);
  const timed = s.timedActions ?? s.actions;
  const w = s.activeWindow;
  switch (name) {
    case 'alternating-shift':
      return `works a shift that alternates with ${(s.alternatesWith ?? []).join(', ')}`;
    case 'shift':
      return w === undefined
        ? 'works in a shift'
        : `works in a shift: ${formatShare(w.share)} of ${timed} timed actions in ${hh(w.start)}–${hh(w.start + w.hours)} ${tz} on ${s.activeDays} days`;
    case 'office-hours':
      return `${formatShare(s.officeHoursShare)} of ${timed} timed actions in office hours (Mon–Fri 10:00–19:00 ${tz})`;
    case 'night':
      return `${formatShare(s.nightShare)} of ${timed} timed actions at night (00:00–06:00 ${tz})`;
    case 'young-account':
      return `first action ${(s.ageAtFirstActionDays ?? 0).toFixed(1)} days after the account was created`;
    case 'hyperactive':
      return `${s.actionsPerDay.toFixed(1)} actions per active day`;
    case 'templated-handle':
      return `handle follows the template ${s.handleSkeleton ?? '?'} shared by ${s.handleFamily ?? '?'} accounts (L = letters, D = digit)`;
    case 'no-own-posts':
      return `no own posts among ${s.actions} actions (only comments, replies, shares or reactions)`;
    case 'empty-bio':
      return 'empty bio';
    default:
      return name;
  }
}
