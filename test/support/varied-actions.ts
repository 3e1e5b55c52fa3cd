// Actions of every field shape for store read tests: two platforms, comments and shares, zero, one or two links,
// hashtags, media, a target on every other action, a shared object on some, no text on some.
import type { Action } from '../../src/core/model.ts';

/**
 * n such actions, numbered from `offset`. Times are out of insertion order and tied (700 distinct seconds), or, with
 * `ordered`, rise with the number (ties of 3). Ids are `x<number>` unless `id` names them.
 */
export function variedActions(n: number, options: { offset?: number; ordered?: boolean; id?: (i: number) => string } = {}): Action[] {
  const { offset = 0, ordered = false, id = (i: number) => `x${i}` } = options;
  return Array.from({ length: n }, (_, k): Action => {
    const i = k + offset;
    const a: Action = {
      platform: i % 5 === 0 ? 'telegram' : 'vk', id: id(i), account: `u${i % 97}`, kind: i % 3 === 0 ? 'comment' : 'share',
      time: 1_700_000_000_000 + (ordered ? Math.floor(i / 3) : (i * 7919) % 700) * 1000, precision: 's',
      urls: i % 3 === 0 ? [] : i % 3 === 1 ? [`https://x.kg/${i % 40}`] : ['https://a.kg/1', `https://b.kg/${i % 7}`],
      hashtags: i % 4 === 0 ? ['тег', 'tag'] : [], mentions: [], media: i % 6 === 0 ? ['m.jpg'] : [],
    };
    if (i % 2 === 0) a.target = `p${i % 53}`;
    if (i % 7 === 2) a.shared = `s${i % 11}`;
    if (i % 9 !== 4) a.text = `Текст ${i % 300}`;
    return a;
  });
}
