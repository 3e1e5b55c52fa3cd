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
  /** Russian case forms of the surname (genitive, dative, accusative) and gender, for grammatical text. */
  ru: { gen: string; dat: string; acc: string; female: boolean };
}

const CLIENT_POOL: readonly Omit<Client, 'id'>[] = [
  { name: 'Бакыт Асанов', short: 'Асанов', hashtag: '#Асанов2026', site: 'asanov2026.kg',
    ru: { gen: 'Асанова', dat: 'Асанову', acc: 'Асанова', female: false } },
  { name: 'Нурбек Токтосунов', short: 'Токтосунов', hashtag: '#Токтосунов', site: 'toktosunov.kg',
    ru: { gen: 'Токтосунова', dat: 'Токтосунову', acc: 'Токтосунова', female: false } },
  { name: 'Айгуль Бекмуратова', short: 'Бекмуратова', hashtag: '#Бекмуратова2026', site: 'bekmuratova.kg',
    ru: { gen: 'Бекмуратовой', dat: 'Бекмуратовой', acc: 'Бекмуратову', female: true } },
  { name: 'Марат Дуйшенов', short: 'Дуйшенов', hashtag: '#ДуйшеновАлга', site: 'duishenov.kg',
    ru: { gen: 'Дуйшенова', dat: 'Дуйшенову', acc: 'Дуйшенова', female: false } },
  { name: 'Эркин Садырбаев', short: 'Садырбаев', hashtag: '#Садырбаев', site: 'sadyrbaev.kg',
    ru: { gen: 'Садырбаева', dat: 'Садырбаеву', acc: 'Садырбаева', female: false } },
];

/** The first `n` fictional clients (names repeat with a number beyond the pool). */
export function clients(n: number): Client[] {
  return Array.from({ length: n }, (_, i) => {
    const base = CLIENT_POOL[i % CLIENT_POOL.length] as Omit<Client, 'id'>;
    const round = Math.floor(i / CLIENT_POOL.length);
    if (!round) return { id: `client-${i + 1}`, ...base };
    const k = ` ${round + 1}`;
    return { id: `client-${i + 1}`, ...base, short: base.short + k, hashtag: `${base.hashtag}_${round + 1}`,
      site: `${round + 1}.${base.site}`, ru: { ...base.ru, gen: base.ru.gen + k, dat: base.ru.dat + k, acc: base.ru.acc + k } };
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

type Point = (c: Client, obj: string, place: string) => string;
const g = (c: Client, male: string, female: string) => (c.ru.female ? female : male);

const PRAISE_RU: Point[] = [
  (c) => `${c.short} — ${g(c, 'единственный', 'единственная')}, кто реально работает для народа!`,
  (c) => `Голосуем за ${c.ru.acc}! ${g(c, 'Человек доказал', 'Она доказала')} делом.`,
  (c, o, p) => `${c.short} ${g(c, 'построил', 'построила')} ${o} в ${p}, а остальные только болтают`,
  (c) => `Вот это настоящий лидер. ${c.short}, мы с вами!`,
  (c) => `Честный и порядочный человек. Только ${c.short}!`,
  (c, o, p) => `Спасибо ${c.ru.dat} за ${o} в ${p}!`,
  (c) => `Поддерживаю ${c.ru.acc} на все 100%`,
  (c) => `Наконец-то политик, который держит слово. ${c.short} 👍`,
  (c) => `Все мои родные будут голосовать за ${c.ru.acc}`,
];
const PRAISE_KY: Point[] = [
  (c) => `${c.short} элге чын дилинен кызмат кылат!`,
  (c) => `Биз ${c.short} менен биргебиз!`,
  (c) => `${c.short} сөзүндө турат, иши көрүнүп турат`,
  (c) => `Шайлоодо ${c.short} үчүн добуш беребиз!`,
  (c, o) => `${c.short} жаңы ${o} курду, чоң рахмат!`,
  (c) => `Чыныгы лидер! ${c.short}, алга!`,
  (c) => `Ак ниет адам. ${c.short} гана!`,
  (c) => `${c.short} — элдин үмүтү`,
];
const ATTACK_RU: Point[] = [
  (r) => `${r.short} опять врёт народу`,
  (r) => `Сколько можно воровать, ${r.short}?`,
  (r) => `${r.short} — ${g(r, 'ставленник', 'ставленница')} олигархов, все это знают`,
  (r) => `Все знают, откуда у ${r.ru.gen} деньги`,
  (r) => `Позор! ${r.short} ${g(r, 'продал', 'продала')} интересы страны`,
  (r) => `${r.short}, уходите в отставку!`,
  (r) => `Не верьте ${r.ru.dat}, это очередной обман`,
  (r, o) => `Где обещанная ${o === 'школу' ? 'школа' : 'дорога'}, ${r.short}?`,
];
const ATTACK_KY: Point[] = [
  (r) => `${r.short} элди алдап жатат`,
  (r) => `${r.short}, уялбайсыңбы?`,
  (r) => `${r.short} качан иштейсиң?`,
  (r) => `Уят! ${r.short} элдин акчасын уурдады`,
  (r) => `${r.short} кетсин!`,
  (r) => `${r.short} эч нерсе кылган жок, бир гана сөз`,
  (r) => `Ишенбегиле, ${r.short} калп айтат`,
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
  const fill = (pool: Point[], who: () => Client, ky: boolean) =>
    rng.sample(pool, count).map((t) => t(who(), rng.pick(ky ? OBJECTS_KY : OBJECTS_RU), rng.pick(PLACES)));
  const rival = () => (rivals.length ? rng.pick(rivals) : client);
  return {
    praise: { ru: fill(PRAISE_RU, () => client, false), ky: fill(PRAISE_KY, () => client, true) },
    attack: { ru: fill(ATTACK_RU, rival, false), ky: fill(ATTACK_KY, rival, true) },
  };
}

/** Points against one named rival (used under that rival's own posts). */
export function attackOn(rival: Client, count: number, rng: Rng): { ru: string[]; ky: string[] } {
  return {
    ru: rng.sample(ATTACK_RU, count).map((t) => t(rival, rng.pick(OBJECTS_RU), rng.pick(PLACES))),
    ky: rng.sample(ATTACK_KY, count).map((t) => t(rival, rng.pick(OBJECTS_KY), rng.pick(PLACES))),
  };
}
