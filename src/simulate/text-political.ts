// Political text: fictional clients (politicians), their pages' own posts, and the talking points a factory's
// curator hands to operators: praise for the client ("defence"), insults for rivals ("attack"), and replies to
// critics, in Russian and Kyrgyz. All names are fictional.
import type { Rng } from './rng.ts';
import type { Said } from './text-organic.ts';

/** A politician or party that pays factories; each has an organic page. */
export interface Client {
  id: string;
  name: string;
  short: string;
  hashtag: string;
  site: string;
}

const CLIENT_POOL: readonly Omit<Client, 'id'>[] = [
  { name: 'Бакыт Асанов', short: 'Асанов', hashtag: '#Асанов2026', site: 'asanov2026.kg' },
  { name: 'Нурбек Токтосунов', short: 'Токтосунов', hashtag: '#Токтосунов', site: 'toktosunov.kg' },
  { name: 'Айгуль Бекмуратова', short: 'Бекмуратова', hashtag: '#Бекмуратова2026', site: 'bekmuratova.kg' },
  { name: 'Марат Дуйшенов', short: 'Дуйшенов', hashtag: '#ДуйшеновАлга', site: 'duishenov.kg' },
  { name: 'Эркин Садырбаев', short: 'Садырбаев', hashtag: '#Садырбаев', site: 'sadyrbaev.kg' },
];

/** The first `n` fictional clients (names repeat with a number beyond the pool). */
export function clients(n: number): Client[] {
  return Array.from({ length: n }, (_, i) => {
    const base = CLIENT_POOL[i % CLIENT_POOL.length] as Omit<Client, 'id'>;
    const round = Math.floor(i / CLIENT_POOL.length);
    return { id: `client-${i + 1}`, ...base, short: round ? `${base.short}-${round + 1}` : base.short };
  });
}

const OBJECTS_RU = ['школу', 'больницу', 'дорогу', 'детский сад', 'спортзал', 'мост', 'водопровод'];
const OBJECTS_KY = ['мектеп', 'оорукана', 'жол', 'бала бакча', 'спорт зал', 'көпүрө', 'суу түтүгү'];
const PLACES = ['Нарыне', 'Оше', 'Таласе', 'Баткене', 'Караколе', 'Токмоке', 'Узгене'];

/** A client's page posting about itself. */
export function clientPagePost(client: Client, rng: Rng): Said {
  if (rng.chance(0.6)) {
    return { lang: 'ru', text: rng.pick([
      `Сегодня открыли ${rng.pick(OBJECTS_RU)} в ${rng.pick(PLACES)}. Обещали — сделали!`,
      `Встреча с жителями в ${rng.pick(PLACES)}. Спасибо за доверие! ${client.hashtag}`,
      `Наша программа: работа, дороги, честные суды. ${client.hashtag}`,
      `${client.name}: «Мы не дадим разворовать страну»`,
      `Прямой эфир сегодня в 20:00. Задавайте вопросы!`,
    ]) };
  }
  return { lang: 'ky', text: rng.pick([
    `Бүгүн жаңы ${rng.pick(OBJECTS_KY)} ачылды. Убада бердик — аткардык! ${client.hashtag}`,
    `Шайлоочулар менен жолугушуу. Ишенимиңиз үчүн рахмат!`,
    `Биздин программа: жумуш, жолдор, адилеттүү сот. ${client.hashtag}`,
    `Бүгүн саат 20:00дө түз эфир. Суроолоруңузду жазыңыз!`,
  ]) };
}

type Point = (n: string, obj: string, place: string) => string;

const PRAISE_RU: Point[] = [
  (n) => `${n} — единственный, кто реально работает для народа!`,
  (n) => `Голосуем за ${n}! Человек доказал делом.`,
  (n, o, p) => `${n} построил ${o} в ${p}, а остальные только болтают`,
  (n) => `Вот это настоящий лидер. ${n}, мы с вами!`,
  (n) => `Честный и порядочный человек. Только ${n}!`,
  (n, o, p) => `Спасибо ${n} за ${o} в ${p}!`,
  (n) => `Поддерживаю ${n} на все 100%`,
  (n) => `Наконец-то политик, который держит слово. ${n} 👍`,
  (n) => `Все мои родные будут голосовать за ${n}`,
];
const PRAISE_KY: Point[] = [
  (n) => `${n} элге чын дилинен кызмат кылат!`,
  (n) => `Биз ${n} менен биргебиз!`,
  (n) => `${n} сөзүндө турат, иши көрүнүп турат`,
  (n) => `Шайлоодо ${n} үчүн добуш беребиз!`,
  (n, o) => `${n} жаңы ${o} курду, чоң рахмат!`,
  (n) => `Чыныгы лидер! ${n}, алга!`,
  (n) => `Ак ниет адам. ${n} гана!`,
  (n) => `${n} — элдин үмүтү`,
];
const ATTACK_RU: Point[] = [
  (r) => `${r} опять врёт народу`,
  (r) => `Сколько можно воровать, ${r}?`,
  (r) => `${r} — ставленник олигархов, все это знают`,
  (r) => `Все знают, откуда у ${r} деньги`,
  (r) => `Позор! ${r} продал интересы страны`,
  (r) => `${r}, уходите в отставку!`,
  (r) => `Не верьте ${r}, это очередной обман`,
  (r, o) => `Где обещанная ${o === 'школу' ? 'школа' : 'дорога'}, ${r}?`,
];
const ATTACK_KY: Point[] = [
  (r) => `${r} элди алдап жатат`,
  (r) => `${r}, уялбайсыңбы?`,
  (r) => `${r} качан иштейсиң?`,
  (r) => `Уят! ${r} элдин акчасын уурдады`,
  (r) => `${r} кетсин!`,
  (r) => `${r} эч нерсе кылган жок, бир гана сөз`,
  (r) => `Ишенбегиле, ${r} калп айтат`,
];

/** Stock replies operators give to critics of their client. */
export const TROLL_REPLIES = {
  ru: ['Ты сам-то кто такой?', 'Тебе заплатили, вот и пишешь', 'Не позорься, факты смотри', 'Иди работай лучше',
    'Завидуйте молча', 'Очередной проплаченный критик'],
  ky: ['Сен ким элең?', 'Акча алып жазып жатасыңбы?', 'Уят болбосун, фактыларды кара', 'Тилиңди тарт',
    'Иштегенди үйрөн адегенде'],
};

/** A curator's list of talking points for one day: `count` ready-made comments per language. */
export interface TalkingPoints {
  praise: { ru: string[]; ky: string[] };
  attack: { ru: string[]; ky: string[] };
}

/** Fills templates with names and the day's subjects: one day's talking points of one curator. */
export function talkingPoints(client: Client, rivals: readonly Client[], count: number, rng: Rng): TalkingPoints {
  const fill = (pool: Point[], name: () => string, ky: boolean) =>
    rng.sample(pool, count).map((t) => t(name(), rng.pick(ky ? OBJECTS_KY : OBJECTS_RU), rng.pick(PLACES)));
  const rival = () => (rivals.length ? rng.pick(rivals).short : 'власть');
  return {
    praise: { ru: fill(PRAISE_RU, () => client.short, false), ky: fill(PRAISE_KY, () => client.short, true) },
    attack: { ru: fill(ATTACK_RU, rival, false), ky: fill(ATTACK_KY, rival, true) },
  };
}

/** Points against one named rival (used under that rival's own posts). */
export function attackOn(rival: Client, count: number, rng: Rng): { ru: string[]; ky: string[] } {
  return {
    ru: rng.sample(ATTACK_RU, count).map((t) => t(rival.short, rng.pick(OBJECTS_RU), rng.pick(PLACES))),
    ky: rng.sample(ATTACK_KY, count).map((t) => t(rival.short, rng.pick(OBJECTS_KY), rng.pick(PLACES))),
  };
}
