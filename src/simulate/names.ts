// Hand-written pools of Kyrgyz and Russian names, handle styles and bios for simulated profiles.
import type { Rng } from './rng.ts';

const KY_MALE = ['Нурлан', 'Бакыт', 'Азамат', 'Эрлан', 'Айбек', 'Данияр', 'Улан', 'Тилек', 'Бекжан', 'Мирлан',
  'Нурбек', 'Адилет', 'Эмир', 'Руслан', 'Самат', 'Талант', 'Марат', 'Алмаз', 'Жоомарт', 'Кубанычбек', 'Бектур',
  'Чынгыз', 'Эркин', 'Замир', 'Темирлан', 'Илияз', 'Канат', 'Максат', 'Медер', 'Урмат'];
const KY_FEMALE = ['Айгерим', 'Айпери', 'Асель', 'Нургуль', 'Жылдыз', 'Гульнара', 'Айжан', 'Бермет', 'Динара',
  'Айдана', 'Элнура', 'Камила', 'Чолпон', 'Бегимай', 'Акылай', 'Назира', 'Салтанат', 'Алтынай', 'Сезим', 'Мээрим',
  'Аида', 'Жибек', 'Нуриза', 'Айсулуу', 'Гулзат', 'Каныкей', 'Эльмира', 'Жазгуль', 'Адина', 'Токтобубу'];
const KY_SURNAMES = ['Асанов', 'Токтогулов', 'Жумабеков', 'Сыдыков', 'Осмонов', 'Абдыкеримов', 'Мамытов',
  'Бакиров', 'Иманалиев', 'Турдубаев', 'Кадыров', 'Эсенбаев', 'Касымов', 'Усенов', 'Шаршенов', 'Бейшеналиев',
  'Омуралиев', 'Сулайманов', 'Дуйшеев', 'Калыков', 'Мырзаканов', 'Садыков', 'Токторов', 'Абдрахманов', 'Жээнбеков',
  'Орозбеков', 'Насыров', 'Темиров', 'Алымкулов', 'Кененбаев'];
const RU_MALE = ['Алексей', 'Дмитрий', 'Сергей', 'Андрей', 'Иван', 'Павел', 'Максим', 'Владимир', 'Николай',
  'Артём', 'Евгений', 'Олег', 'Виктор', 'Роман', 'Игорь'];
const RU_FEMALE = ['Наталья', 'Елена', 'Ольга', 'Татьяна', 'Ирина', 'Анна', 'Светлана', 'Юлия', 'Марина',
  'Екатерина', 'Людмила', 'Оксана', 'Валентина', 'Дарья', 'Галина'];
const RU_SURNAMES = ['Иванов', 'Петров', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Соколов', 'Морозов',
  'Волков', 'Ким', 'Пак', 'Цой', 'Шевченко', 'Ли', 'Захаров', 'Белов', 'Фёдоров', 'Никитин'];

/** Towns where simulated people live (Kyrgyz towns, plus the diaspora's). */
export const CITIES = ['Бишкек', 'Бишкек', 'Бишкек', 'Ош', 'Каракол', 'Нарын', 'Талас', 'Жалал-Абад', 'Баткен',
  'Токмок', 'Кант', 'Чолпон-Ата', 'Кара-Балта', 'Узген', 'Москва', 'Екатеринбург', 'Стамбул'];

const LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l',
  м: 'm', н: 'n', ң: 'ng', о: 'o', ө: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ү: 'u', ф: 'f', х: 'kh',
  ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/** Lower-case Latin transliteration for handles. */
export function translit(text: string): string {
  let out = '';
  for (const ch of text.toLowerCase()) {
    const latin = LATIN[ch];
    if (latin !== undefined) out += latin;
    else if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) out += ch;
  }
  return out;
}

/** A person's first name, surname and display name. */
export interface PersonName {
  first: string;
  last: string;
  display: string;
  female: boolean;
}

/** A random Kyrgyz (most) or Russian person's name, sometimes in the patronymic "уулу/кызы" form. */
export function personName(rng: Rng): PersonName {
  const female = rng.chance(0.5);
  const russian = rng.chance(0.2);
  const first = rng.pick(russian ? (female ? RU_FEMALE : RU_MALE) : female ? KY_FEMALE : KY_MALE);
  const stem = rng.pick(russian ? RU_SURNAMES : KY_SURNAMES);
  const last = female && /(ов|ев|ин)$/.test(stem) ? `${stem}а` : stem;
  if (!russian && rng.chance(0.12)) {
    const father = rng.pick(KY_MALE);
    return { first, last, display: `${first} ${father} ${female ? 'кызы' : 'уулу'}`, female };
  }
  return { first, last, display: rng.chance(0.1) ? `${last} ${first}` : `${first} ${last}`, female };
}

/** An organic handle: people choose all sorts of styles, and some have none. */
export function organicHandle(name: PersonName, rng: Rng, id: number): string {
  const f = translit(name.first);
  const l = translit(name.last);
  const yy = String(rng.range(60, 99) % 100).padStart(2, '0');
  switch (rng.int(8)) {
    case 0: return `${f}.${l}`;
    case 1: return `${f}${yy}`;
    case 2: return `${l}_${f}`;
    case 3: return `${f}.${l}.${id % 1000}`;
    case 4: return `${rng.pick(['bishkek', 'osh', 'kg', 'nomad', 'sunny', 'aika', 'nurik', 'bro', 'kyzy'])}_${f}`;
    case 5: return `${f[0] ?? 'x'}${l}`;
    case 6: return `${l}${rng.range(1, 9999)}`;
    default: return '';
  }
}

/** Handle templates an operator applies to a whole batch of accounts (`n` is the account's place in it). */
export const TROLL_HANDLE_TEMPLATES: ReadonlyArray<(name: PersonName, n: number, tag: number) => string> = [
  (p, n) => `${translit(p.first)}.${translit(p.last)}.${String(n).padStart(4, '0')}`,
  (p, n, tag) => `${translit(p.first)}${translit(p.last)}${tag + n}`,
  (p, n) => `${translit(p.first)}_${String(80 + (n % 20))}_kg`,
  (p, n, tag) => `user${tag}${String(n).padStart(3, '0')}`,
  (p, n) => `${translit(p.last)}.${translit(p.first)}${n}`,
];

const ORGANIC_BIO_RU = ['Живу в {city}', 'Инженер. Рыбалка, футбол', 'Мама двоих детей', '{city} ✈ {city2}',
  'Учитель математики', 'Фотограф-любитель 📷', 'Бизнес, путешествия', 'Студент КНУ', 'Врач', 'Водитель такси',
  'Люблю горы и кофе', 'Пишу что думаю', 'Ремонт квартир под ключ, {city}'];
const ORGANIC_BIO_KY = ['{city} шаары', 'Жашоо сулуу', 'Ата-энем — менин байлыгым', 'Мугалим', 'Студент',
  'Тоолорду сүйөм 🏔', 'Ишкер', 'Кыргыз жери — бейиш'];

/** A bio an ordinary person might write (half leave it empty). */
export function organicBio(rng: Rng): string {
  if (rng.chance(0.5)) return '';
  const text = rng.pick(rng.chance(0.55) ? ORGANIC_BIO_RU : ORGANIC_BIO_KY);
  return text.replace('{city}', rng.pick(CITIES)).replace('{city2}', rng.pick(CITIES));
}

/** Templated bios that factories reuse across their accounts. */
export const TROLL_BIOS = ['Патриот Кыргызстана 🇰🇬', 'Люблю свою Родину', 'Мекеним — Кыргызстан', 'Семья. Родина. Вера.',
  'Жизнь — это движение', 'Бишкек', 'Элим үчүн!', 'За честный Кыргызстан', 'Мама, жена, хозяйка', 'Всё будет хорошо'];
