// Name parts for synthetic demo persons: common given names and family names
// of the region, each with a Latin spelling as a passport would carry it.
// They are combined at random, so no demo person is anyone real.

export type NamePair = readonly [cyrillic: string, latin: string];

export interface NameStock {
  male: readonly NamePair[];
  female: readonly NamePair[];
  /** Male form; the female form adds -а / -a where the name ends in -ов, -ев, -ин. */
  family: readonly NamePair[];
  /** Fathers' names from which patronymics (-ович/-овна) are formed; empty where they are not used. */
  fathers: readonly NamePair[];
}

const kazakh: NameStock = {
  male: [
    ['Ерлан', 'Yerlan'],
    ['Нурлан', 'Nurlan'],
    ['Асхат', 'Askhat'],
    ['Бауыржан', 'Bauyrzhan'],
    ['Данияр', 'Daniyar'],
    ['Арман', 'Arman'],
    ['Ержан', 'Yerzhan'],
    ['Талгат', 'Talgat'],
    ['Мирас', 'Miras'],
    ['Алибек', 'Alibek'],
  ],
  female: [
    ['Айгуль', 'Aigul'],
    ['Динара', 'Dinara'],
    ['Жанар', 'Zhanar'],
    ['Гульмира', 'Gulmira'],
    ['Меруерт', 'Meruert'],
    ['Сауле', 'Saule'],
    ['Айжан', 'Aizhan'],
    ['Камила', 'Kamila'],
    ['Толкын', 'Tolkyn'],
    ['Анель', 'Anel'],
  ],
  family: [
    ['Ахметов', 'Akhmetov'],
    ['Сериков', 'Serikov'],
    ['Нурланов', 'Nurlanov'],
    ['Байжанов', 'Baizhanov'],
    ['Тулегенов', 'Tulegenov'],
    ['Искаков', 'Iskakov'],
    ['Мухамеджанов', 'Mukhamedzhanov'],
    ['Есенов', 'Yessenov'],
    ['Абенов', 'Abenov'],
    ['Утегенов', 'Utegenov'],
  ],
  fathers: [
    ['Серик', 'Serik'],
    ['Болат', 'Bolat'],
    ['Кайрат', 'Kairat'],
    ['Марат', 'Marat'],
    ['Жанат', 'Zhanat'],
  ],
};

const kyrgyz: NameStock = {
  male: [
    ['Азамат', 'Azamat'],
    ['Бакыт', 'Bakyt'],
    ['Нурбек', 'Nurbek'],
    ['Эрмек', 'Ermek'],
    ['Улан', 'Ulan'],
    ['Тилек', 'Tilek'],
  ],
  female: [
    ['Айпери', 'Aiperi'],
    ['Бермет', 'Bermet'],
    ['Нургуль', 'Nurgul'],
    ['Жылдыз', 'Zhyldyz'],
    ['Чолпон', 'Cholpon'],
    ['Айзада', 'Aizada'],
  ],
  family: [
    ['Токтогулов', 'Toktogulov'],
    ['Асанов', 'Asanov'],
    ['Мамытов', 'Mamytov'],
    ['Жээнбеков', 'Zheenbekov'],
    ['Осмонов', 'Osmonov'],
    ['Бекболотов', 'Bekbolotov'],
  ],
  fathers: [],
};

const uzbek: NameStock = {
  male: [
    ['Шерзод', 'Sherzod'],
    ['Бахтиёр', 'Bakhtiyor'],
    ['Жасур', 'Jasur'],
    ['Улугбек', 'Ulugbek'],
    ['Фаррух', 'Farrukh'],
    ['Достон', 'Doston'],
  ],
  female: [
    ['Нигора', 'Nigora'],
    ['Дилноза', 'Dilnoza'],
    ['Гулнора', 'Gulnora'],
    ['Мохира', 'Mokhira'],
    ['Феруза', 'Feruza'],
    ['Шахноза', 'Shakhnoza'],
  ],
  family: [
    ['Каримов', 'Karimov'],
    ['Юсупов', 'Yusupov'],
    ['Рахимов', 'Rakhimov'],
    ['Турсунов', 'Tursunov'],
    ['Эргашев', 'Ergashev'],
    ['Назаров', 'Nazarov'],
  ],
  fathers: [],
};

const tajik: NameStock = {
  male: [
    ['Фирдавс', 'Firdavs'],
    ['Рустам', 'Rustam'],
    ['Бехруз', 'Behruz'],
    ['Шохрух', 'Shokhrukh'],
    ['Далер', 'Daler'],
  ],
  female: [
    ['Мадина', 'Madina'],
    ['Зарина', 'Zarina'],
    ['Парвина', 'Parvina'],
    ['Сабрина', 'Sabrina'],
    ['Тахмина', 'Takhmina'],
  ],
  family: [
    ['Рахмонов', 'Rakhmonov'],
    ['Саидов', 'Saidov'],
    ['Давлатов', 'Davlatov'],
    ['Шарипов', 'Sharipov'],
    ['Назарзода', 'Nazarzoda'],
    ['Султонзода', 'Sultonzoda'],
  ],
  fathers: [],
};

const russian: NameStock = {
  male: [
    ['Алексей', 'Aleksei'],
    ['Дмитрий', 'Dmitrii'],
    ['Сергей', 'Sergei'],
    ['Андрей', 'Andrei'],
    ['Никита', 'Nikita'],
    ['Павел', 'Pavel'],
  ],
  female: [
    ['Анна', 'Anna'],
    ['Екатерина', 'Ekaterina'],
    ['Ольга', 'Olga'],
    ['Наталья', 'Natalia'],
    ['Виктория', 'Viktoriia'],
    ['Юлия', 'Iuliia'],
  ],
  family: [
    ['Кузнецов', 'Kuznetsov'],
    ['Морозов', 'Morozov'],
    ['Волков', 'Volkov'],
    ['Лебедев', 'Lebedev'],
    ['Соколов', 'Sokolov'],
    ['Никитин', 'Nikitin'],
  ],
  fathers: [
    ['Иван', 'Ivan'],
    ['Петр', 'Petr'],
    ['Николай', 'Nikolai'],
    ['Владимир', 'Vladimir'],
  ],
};

export const nameStocks: Record<'KAZ' | 'KGZ' | 'UZB' | 'TJK' | 'RUS', NameStock> = { KAZ: kazakh, KGZ: kyrgyz, UZB: uzbek, TJK: tajik, RUS: russian };

/** The female form of a family name (Ахметов → Ахметова); -зода and the like do not change. */
export function feminineFamily([cyrillic, latin]: NamePair): NamePair {
  return /(ов|ев|ин)$/.test(cyrillic) ? [`${cyrillic}а`, `${latin}a`] : [cyrillic, latin];
}

/** A patronymic from a father's name: Серик → Серикович / Сериковна. */
export function patronymic([cyrillic, latin]: NamePair, female: boolean): NamePair {
  const soft = /[йь]$/.test(cyrillic);
  const stem = soft ? cyrillic.slice(0, -1) : cyrillic;
  const latinStem = soft ? latin.replace(/i$/, '') : latin;
  if (female) {
    return soft ? [`${stem}евна`, `${latinStem}evna`] : [`${stem}овна`, `${latinStem}ovna`];
  }
  return soft ? [`${stem}евич`, `${latinStem}evich`] : [`${stem}ович`, `${latinStem}ovich`];
}
