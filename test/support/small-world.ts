// A small database where every thread of a detect run has something to find: three accounts comment under the
// same six posts within a minute with the same text and link, and share the same post each time; forty others
// comment now and then with one of two greetings. co-target, co-share, co-text and co-link all link the three.
import type { Action } from '../../src/core/model.ts';
import { action } from '../../src/store/store.contract.ts';

const LINES = [
  'The mayor has stolen the money for the new bridge again',
  'Only our candidate keeps every promise made to the villages',
  'Prices for bread went up twice this month and nobody cares',
  'Vote on Sunday, the future of the whole region depends on it',
  'Foreign agents are paying the opposition to organise protests',
  'The road to the airport finally opened thanks to the governor',
  'Happy holidays to everyone in our beautiful town, stay well',
  'Does anybody know when the next bus to the city centre leaves',
];

/** The actions described above. */
export function smallWorld(): Action[] {
  const out: Action[] = [];
  for (let post = 0; post < 6; post++) {
    for (const [i, who] of ['t1', 't2', 't3'].entries()) {
      out.push(action(`t${post}-${who}`, who, post * 90 + i, { target: `p${post}`, text: LINES[post]!, urls: [`https://news.example/${post}`] }));
      out.push(action(`s${post}-${who}`, who, post * 90 + 30 + i, { kind: 'share', shared: `x${post}` }));
    }
  }
  for (let o = 0; o < 40; o++) {
    for (let k = 0; k < 3; k++) {
      out.push(action(`o${o}-${k}`, `o${o}`, ((o * 7 + k * 13) % 60) * 9, { target: `r${(o * 3 + k) % 30}`, text: LINES[6 + ((o + k) % 2)]! }));
    }
  }
  return out;
}
