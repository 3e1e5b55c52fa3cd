// Hand-written Russian and Kyrgyz text of ordinary people: chatter, comments, greetings, condolences, prayers,
// slogans, news headlines and copy-paste chain letters. Many of these repeat verbatim across thousands of
// honest accounts: that repetition is the simulator's hard negative.
import { CITIES } from './names.ts';
import type { Rng } from './rng.ts';

/** A text with its language (`''` when it has no words, e.g. only emoji). */
export interface Said {
  text: string;
  lang: 'ru' | 'ky' | '';
}

/** Languages an account writes in. */
export type Tongue = 'ru' | 'ky' | 'both';

const ru = (text: string): Said => ({ text, lang: 'ru' });
const ky = (text: string): Said => ({ text, lang: 'ky' });
const none = (text: string): Said => ({ text, lang: '' });

/** Chooses Russian or Kyrgyz for one utterance of an account. */
export function tongueOf(tongue: Tongue, rng: Rng): 'ru' | 'ky' {
  return tongue === 'both' ? (rng.chance(0.5) ? 'ru' : 'ky') : tongue;
}

/** Picks from the pool of the language chosen for this utterance (emoji-only items fit both). */
export function pickSaid(pools: { ru: readonly Said[]; ky: readonly Said[] }, tongue: Tongue, rng: Rng): Said {
  return rng.pick(pools[tongueOf(tongue, rng)]);
}

export const HOLIDAY_GREETINGS = {
  ru: [ru('Поздравляю!'), ru('С праздником!'), ru('С праздником, дорогие!'), ru('Поздравляю всех!'),
    ru('Поздравляю! 🌷'), none('🌷🌷🌷'), none('💐'), ru('С праздником! Счастья и здоровья!')],
  ky: [ky('Куттуктайм!'), ky('Майрамыңыздар менен!'), ky('Майрамыңыздар менен, урматтуу эжелер!'),
    ky('Куттуктайбыз!'), ky('Куттуктайм! 🌷'), none('👏👏👏'), ky('Майрам менен!')],
};

export const NOORUZ_GREETINGS = {
  ru: [ru('С Нооруз!'), ru('С праздником Нооруз!'), ru('Поздравляю!'), none('🌷🌷🌷')],
  ky: [ky('Нооруз майрамыңыздар менен!'), ky('Куттуктайм!'), ky('Нооруз куттуу болсун!'), ky('Майрамыңыздар менен!')],
};

export const BIRTHDAY_WISHES = {
  ru: [ru('С днём рождения!'), ru('Поздравляю! Счастья, здоровья!'), ru('С днём рождения! 🎉'), ru('Поздравляю!')],
  ky: [ky('Туулган күнүң менен!'), ky('Куттуктайм! Бактылуу бол!'), ky('Куттуктайм!'), none('🎂🎉')],
};

export const CONDOLENCES = {
  ru: [ru('Соболезную'), ru('Светлая память'), ru('Земля пухом'), ru('Царство небесное'), ru('Держитесь'),
    ru('Искренние соболезнования родным'), ru('Аминь'), ru('Светлая память 🙏')],
  ky: [ky('Кудай ыракмат кылсын'), ky('Жаткан жери жайлуу болсун'), ky('Топурагы торко болсун'),
    ky('Бейиштен орун берсин'), ky('Көңүл айтабыз'), ky('Аллах рахматына алсын'), ky('Оомийин'), ru('Аминь')],
};

export const PRAYERS = {
  ru: [ru('Аминь'), ru('Аминь 🤲'), ru('Дай Бог'), ru('Иншаллах')],
  ky: [ky('Оомийин'), ky('Аллах сактасын'), ky('Иншаллах'), ky('Алхамдулиллах'), ky('Кудай буюрса'), ru('Аминь')],
};

export const SLOGANS = {
  ru: [ru('Вперёд, Кыргызстан!'), ru('Молодцы, парни!'), ru('Кыргызстан, вперёд! 🇰🇬'), ru('Гордимся!')],
  ky: [ky('Алга, Кыргызстан!'), ky('Кыргызстан алга!'), ky('Азаматтар!'), ky('Биз биргебиз!'), none('🇰🇬🇰🇬🇰🇬')],
};

export const FRIEND_COMMENTS = {
  ru: [ru('Класс!'), ru('Супер 👍'), ru('Красота!'), ru('Согласен'), ru('Так и есть'), ru('Сколько стоит?'),
    ru('Где это?'), ru('Ахахах'), none('😂😂'), none('❤️'), none('+++'), ru('Молодец!'), ru('Удачи!'),
    ru('Полностью согласна'), ru('Спасибо, полезно')],
  ky: [ky('Сонун!'), ky('Азамат!'), ky('Жарайсың!'), ky('Туура айтасың'), ky('Кайда бул?'), ky('Канча турат?'),
    none('😂😂😂'), none('👍'), ky('Ийгилик!'), ky('Кандай сулуу'), ky('Рахмат, пайдалуу экен')],
};

export const NEWS_COMMENTS = {
  ru: [ru('Наконец-то'), ru('А где деньги?'), ru('Давно пора'), ru('Кто бы сомневался'), ru('Бред какой-то'),
    ru('Хорошая новость'), ru('Опять двадцать пять'), ru('А что с дорогами?'), ru('Посмотрим, что будет'),
    ru('Слова, слова...'), ru('Это правда?'), ru('Источник?'), ru('Ну и дела'), ru('Позор'), ru('Спасибо за новость')],
  ky: [ky('Туура кылышты'), ky('Жакшы жаңылык'), ky('Уят болду'), ky('Ушундай да болот экен'), ky('Качан бүтөт?'),
    ky('Акыры!'), ky('Кимге ишенебиз?'), ky('Эл эмне дейт?'), ky('Кудай сактасын'), ky('Бул чынбы?')],
};

export const FAN_COMMENTS = {
  ru: [none('🔥🔥🔥'), ru('Красавчик!'), ru('Лучший!'), ru('Ждали!'), ru('Бомба 💣'), ru('Мурашки...'),
    ru('Очень круто!'), none('❤️❤️❤️')],
  ky: [ky('Сонун ыр!'), ky('Кандай сонун!'), ky('Мыкты!'), ky('Күтүп жүргөнбүз!'), none('🔥🔥🔥'), ky('Жаным!')],
};

/** Organic critics under politicians' posts: the people the trolls answer. */
export const CRITIC_COMMENTS = {
  ru: [ru('Опять пиар'), ru('А что конкретно сделано?'), ru('Не верю'), ru('Сколько вам платят за лайки?'),
    ru('Ботов накрутили'), ru('Обещания, обещания')],
  ky: [ky('Дагы эле убада'), ky('Эмне иш кылдыңар?'), ky('Ишенбейм'), ky('Боттор эле жазып жатат')],
};

const ITEMS_RU = ['мясо', 'бензин', 'хлеб', 'муку', 'сахар', 'проезд', 'свет'];
const ITEMS_KY = ['эт', 'бензин', 'нан', 'ун', 'кант'];
const WEATHER_RU = ['снег', 'солнце и тепло', 'опять смог', 'дождь весь день', 'ветер сильный', 'туман'];
const WEATHER_KY = ['кар жаап жатат', 'күн жылуу', 'дагы түтүн', 'жамгыр жаады', 'катуу шамал'];

/** An ordinary person's own post. */
export function chatterPost(tongue: Tongue, rng: Rng): Said {
  const city = rng.pick(CITIES);
  if (tongueOf(tongue, rng) === 'ru') {
    switch (rng.int(9)) {
      case 0: return ru(`Опять цены на ${rng.pick(ITEMS_RU)} подняли, сколько можно`);
      case 1: return ru(`${city}: кто знает, где можно ${rng.pick(['починить телефон', 'сдать анализы', 'купить шины', 'найти няню'])}?`);
      case 2: return ru(`${city}, сегодня ${rng.pick(WEATHER_RU)}`);
      case 3: return ru(`Всем доброе утро! ${rng.pick(['☀️', '☕', '🌄', ''])}`.trim());
      case 4: return ru(`Выходные с семьёй в ${rng.pick(['горах', 'Ала-Арче', 'Чолпон-Ате', 'деревне'])} 😊`);
      case 5: return ru(`Продаю ${rng.pick(['диван', 'детскую коляску', 'телефон', 'велосипед'])}, недорого, пишите в лс`);
      case 6: return ru(`Дороги в ${rng.pick(CITIES_LOC)} когда уже сделают?`);
      case 7: return ru(`${rng.pick(['Наконец-то весна', 'Устал как собака', 'Кто на матч в субботу?', 'Пробки ужасные сегодня'])}`);
      default: return ru(`Ищу работу ${rng.pick(['водителем', 'бухгалтером', 'продавцом', 'поваром'])}, ${city}`);
    }
  }
  switch (rng.int(7)) {
    case 0: return ky(`${city} бүгүн ${rng.pick(WEATHER_KY)}`);
    case 1: return ky(`Баалар дагы көтөрүлдү, ${rng.pick(ITEMS_KY)} кымбаттады`);
    case 2: return ky('Жолдорду качан оңдошот?');
    case 3: return ky(`Баарыңарга кутман таң! ${rng.pick(['☀️', '🌄', ''])}`.trim());
    case 4: return ky(`Дем алыш күнү үй-бүлө менен ${rng.pick(['тоодо', 'айылда', 'Ысык-Көлдө'])} 😊`);
    case 5: return ky(`${rng.pick(['Жаз келди', 'Чарчадым', 'Ишемби күнү ким футболго барат?', 'Тыгын абдан жаман бүгүн'])}`);
    default: return ky(`Иш издеп жатам, ${rng.pick(['айдоочу', 'бухгалтер', 'сатуучу', 'ашпозчу'])}, ${city}`);
  }
}

const CITIES_LOC = ['Бишкеке', 'Бишкеке', 'Оше', 'Караколе', 'Нарыне', 'Таласе', 'Жалал-Абаде', 'Баткене', 'Токмоке', 'Канте'];
const LOC = (n: number): string => CITIES_LOC[n % CITIES_LOC.length] as string;

const HEADLINES_RU: Array<(n: number, c: string) => string> = [
  (n: number) => `В ${LOC(n)} открыли новую школу на ${n * 10 + 300} мест`,
  (n: number) => `Курс доллара вырос до ${86 + (n % 5)},${n % 10}0 сома`,
  (n: number) => `Цены на бензин выросли на ${1 + (n % 4)} сома`,
  (n: number) => `В ${LOC(n)} прошёл митинг против повышения тарифов`,
  (n: number) => `Мэрия ${['Бишкека', 'Оша', 'Каракола', 'Токмока'][n % 4]} объявила о ремонте дорог`,
  (n: number) => `Парламент принял закон о ${['СМИ', 'выборах', 'налогах', 'НКО', 'образовании'][n % 5]}`,
  (n: number) => `ДТП в ${LOC(n)}: пострадали ${5 + (n % 5)} человек`,
  (n: number) => `В ${LOC(n + 3)} отключат свет на два дня`,
];
const HEADLINES_KY: Array<(n: number, c: string) => string> = [
  (n: number) => `Бензиндин баасы ${1 + (n % 4)} сомго кымбаттады`,
  (n: number) => `Доллардын курсу ${86 + (n % 5)} сомго жетти`,
  (n: number) => `Жогорку Кеңеш ${['шайлоо', 'салык', 'билим берүү', 'медиа'][n % 4]} боюнча мыйзам кабыл алды`,
  (_n: number, c: string) => `${c} шаарында жаңы мектеп ачылды`,
  (_n: number, c: string) => `${c} шаарында жолдор оңдолот`,
  (n: number) => `Жол кырсыгы: ${2 + (n % 5)} адам жабыркады`,
];

/** A news headline (the same headline is quoted verbatim by many readers who share it). */
export function headline(lang: 'ru' | 'ky', n: number, rng: Rng): Said {
  const city = rng.pick(CITIES.slice(0, 13));
  return lang === 'ru' ? ru(rng.pick(HEADLINES_RU)(n, city)) : ky(rng.pick(HEADLINES_KY)(n, city));
}

/** Chain letters that honest people copy and paste to their walls, word for word. */
export const CHAIN_LETTERS: readonly Said[] = [
  ru('Друзья, с завтрашнего дня Facebook сможет использовать ваши фото. Я НЕ даю разрешения! Скопируйте и вставьте к себе на стену.'),
  ru('Пропал ребёнок! Мальчик 7 лет, ушёл из дома в Бишкеке в районе Ошского рынка. Просьба всем сделать репост!'),
  ky('Бул билдирүүнү көчүрүп, өз барагыңызга жайгаштырыңыз. Биз Кыргызстандын балдарынын келечеги үчүн биргебиз!'),
  ru('Прочитай молитву и отправь 10 друзьям, и в пятницу тебя ждёт хорошая новость. Аминь 🤲'),
  ky('Жума күнү ушул дубаны окуп, 10 досуңузга жөнөтүңүз. Оомийин 🤲'),
];
