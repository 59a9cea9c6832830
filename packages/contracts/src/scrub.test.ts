import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidOldPersonalCode, personalCodeCheckDigit } from './personal-code.ts';
import { SCRUB_RULES, scrubText, scrubTextWithReport } from './scrub.ts';

/** Input → exact expected output. Latvian and Russian text must come out byte-for-byte unchanged around the data. */
const CASES: [string, string][] = [
  // e-mail
  ['Rakstiet uz janis.berzins@inbox.lv, lūdzu.', 'Rakstiet uz [EMAIL], lūdzu.'],
  ['Mans e-pasts: jānis.bērziņš@inbox.lv', 'Mans e-pasts: [EMAIL]'],
  ['Мой адрес ivan.petrov+atd@mail.ru!', 'Мой адрес [EMAIL]!'],
  ['почта иван@почта.рф', 'почта [EMAIL]'],
  ['<anna_k@example.co.uk>', '<[EMAIL]>'],
  ['Rakstīju uz info@atd.lv, bet atbildes nav.', 'Rakstīju uz info@atd.lv, bet atbildes nav.'],
  // Latvian phones
  ['Zvaniet 26123456.', 'Zvaniet [PHONE].'],
  ['tālr. +371 26123456', 'tālr. [PHONE]'],
  ['tel.: +37126123456', 'tel.: [PHONE]'],
  ['00371 67 123 456 darba laikā', '[PHONE] darba laikā'],
  ['(+371) 2612 3456', '[PHONE]'],
  ['mob. 26-123-456', 'mob. [PHONE]'],
  ['bezmaksas 80001234', 'bezmaksas [PHONE]'],
  ['ATD tālrunis 67280485 neatbild', 'ATD tālrunis 67280485 neatbild'],
  ['Позвоните мне: 29 12 34 56', 'Позвоните мне: [PHONE]'],
  // international phones
  ['+7 912 345-67-89 после обеда', '[PHONE] после обеда'],
  ['Мой номер 8 (912) 345-67-89', 'Мой номер [PHONE]'],
  ['+44 20 7946 0958 (Londona)', '[PHONE] (Londona)'],
  ['call +1 (555) 123-4567 please', 'call [PHONE] please'],
  ['0049 30 1234567', '[PHONE]'],
  ['+370 612 34567 Lietuvā', '[PHONE] Lietuvā'],
  // personal codes
  ['p.k. 010101-10006', 'p.k. [PERSONAL_CODE]'],
  ['Personas kods 01010110006.', 'Personas kods [PERSONAL_CODE].'],
  ['jaunais kods 321234-56789', 'jaunais kods [PERSONAL_CODE]'],
  ['kods 32123456789 pieteikumā', 'kods [PERSONAL_CODE] pieteikumā'],
  ['Персональный код 311299-20003 указан', 'Персональный код [PERSONAL_CODE] указан'],
  ['kļūdains 010101-10008 ar defisi', 'kļūdains [PERSONAL_CODE] ar defisi'],
  ['bez defises 01010110008 nav kods', 'bez defises 01010110008 nav kods'],
  ['nav datums 999999-12345', 'nav datums 999999-12345'],
  // vehicles
  ['Mana auto AB-1234 stāvēja', 'Mana auto [VEHICLE] stāvēja'],
  ['numurs AB1234', 'numurs [VEHICLE]'],
  ['Машина KT 5678 на стоянке', 'Машина [VEHICLE] на стоянке'],
  ['vecais numurs HM-12', 'vecais numurs [VEHICLE]'],
  ['ar mazajiem burtiem ab-1234', 'ar mazajiem burtiem [VEHICLE]'],
  ['Vaļņu iela 30, Rīga, LV-1050', 'Vaļņu iela 30, Rīga, LV-1050'],
  ['MK noteikumi Nr. 1032, 15. punkts', 'MK noteikumi Nr. 1032, 15. punkts'],
  ['CO2 izmeši un PM10', 'CO2 izmeši un PM10'],
  ['no 2024 līdz 2025', 'no 2024 līdz 2025'],
  // cards and accounts
  ['karte 4111 1111 1111 1111 derīga', 'karte [CARD] derīga'],
  ['karte 4111-1111-1111-1111', 'karte [CARD]'],
  ['karte 5500000000000004.', 'karte [CARD].'],
  ['nav karte 4111 1111 1111 1112', 'nav karte 4111 1111 1111 1112'],
  ['atmaksa uz LV80BANK0000435195001 lūdzu', 'atmaksa uz [IBAN] lūdzu'],
  ['konts LV80 BANK 0000 4351 9500 1', 'konts [IBAN]'],
  // untouched text
  ['Ļoti laipna darbiniece, ātri un saprotami!', 'Ļoti laipna darbiniece, ātri un saprotami!'],
  ['Очень вежливо, спасибо. Ждал 15 минут.', 'Очень вежливо, спасибо. Ждал 15 минут.'],
  ['Rinda 2026. gada 2. martā 8:30, biļete A023, 3. logs', 'Rinda 2026. gada 2. martā 8:30, biļete A023, 3. logs'],
  ['Samaksāju 12,50 EUR un 1500 EUR', 'Samaksāju 12,50 EUR un 1500 EUR'],
  ['Apmeklējums 2026-03-02 plkst. 11:00', 'Apmeklējums 2026-03-02 plkst. 11:00'],
  ['2026-03-02T11:00:00+02:00', '2026-03-02T11:00:00+02:00'],
  ['mob. 261 23 456 vai 26 12 34 56', 'mob. [PHONE] vai [PHONE]'],
  // several at once
  [
    'Jānis, 010101-10006, tel. 26123456, jb@inbox.lv, auto AB-1234.',
    '[NAME], [PERSONAL_CODE], tel. [PHONE], [EMAIL], auto [VEHICLE].',
  ],
  ['Иван (+371 29 123 456, ivan@mail.ru), машина KT-5678', '[NAME] ([PHONE], [EMAIL]), машина [VEHICLE]'],
  // names (regression: names in free text reached the lake unchanged)
  ['Mani sauc Jānis Bērziņš, biju Rīgā. Paldies Annai Kalniņai!', 'Mani sauc [NAME], biju Rīgā. Paldies [NAME]!'],
  ['Меня зовут Иван Петров, был в Риге.', 'Меня зовут [NAME], был в Риге.'],
  ['Cien. Bērziņa kungs, inspektore Ozola bija laipna.', 'Cien. [NAME] kungs, inspektore [NAME] bija laipna.'],
  ['Уважаемая госпожа Смирнова, спасибо Алексею Петровичу.', 'Уважаемая госпожа [NAME], спасибо [NAME].'],
  ['Dear Mr Smith, thanks to Olga at the Liepāja office.', 'Dear Mr [NAME], thanks to [NAME] at the Liepāja office.'],
  ['Sūdzība par eksaminētāju J. Ozolu.', 'Sūdzība par eksaminētāju [NAME].'],
  [
    'Cēsīs, Daugavpilī un Liepājā rinda īsāka nekā Vaļņu ielā.',
    'Cēsīs, Daugavpilī un Liepājā rinda īsāka nekā Vaļņu ielā.',
  ],
  ['Ilga rinda martā, bet maijā ātrāk. Paldies!', 'Ilga rinda martā, bet maijā ātrāk. Paldies!'],
  ['Registered my Toyota in Riga in May.', 'Registered my Toyota in Riga in May.'],
  ['Augusts Ozols bija laipns, augustā atkal braukšu.', '[NAME] bija laipns, augustā atkal braukšu.'],
  ['Vakar Marta teica, ka marta beigās būs vieta.', 'Vakar [NAME] teica, ka marta beigās būs vieta.'],
];

describe('scrubText: cases', () => {
  it('has at least 40 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CASES)('%s', (input, output) => {
    expect(scrubText(input)).toBe(output);
  });

  it('reports what it found', () => {
    expect(scrubTextWithReport('a@b.lv c@d.lv 26123456').found).toEqual({ email: 2, phone: 1 });
    expect(scrubTextWithReport('Paldies Jānim Bērziņam un Annai!').found).toEqual({ name: 2 });
  });
});

describe('personal codes', () => {
  it('validates the old form by date and check digit', () => {
    expect(isValidOldPersonalCode('01010110006')).toBe(true);
    expect(isValidOldPersonalCode('31129920003')).toBe(true);
    expect(isValidOldPersonalCode('01010110008')).toBe(false);
    expect(isValidOldPersonalCode('31029920003')).toBe(false);
  });
});

// ---- property: personal data never survives ----

const words = [
  'Labdien',
  'rinda',
  'bija',
  'ļoti',
  'gara',
  'paldies',
  'darbiniece',
  'Здравствуйте',
  'очередь',
  'спасибо',
];
const word = fc.constantFrom(...words);
const digit = fc.integer({ min: 0, max: 9 }).map(String);

const oldCode = fc
  .tuple(
    fc.date({ min: new Date('1900-01-01'), max: new Date('2016-12-31'), noInvalidDate: true }),
    fc.array(digit, { minLength: 3, maxLength: 3 }),
    fc.boolean(),
  )
  .map(([d, serial, hyphen]) => {
    const dd = String(d.getUTCDate()).padStart(2, '0');
    const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
    const yy = String(d.getUTCFullYear() % 100).padStart(2, '0');
    const century = d.getUTCFullYear() >= 2000 ? '2' : '1';
    const firstTen = `${dd}${mm}${yy}${century}${serial.join('')}`;
    const check = personalCodeCheckDigit(firstTen);
    return { firstTen, check, hyphen };
  })
  .filter((c) => c.check !== null)
  .map((c) => `${c.firstTen.slice(0, 6)}${c.hyphen ? '-' : ''}${c.firstTen.slice(6)}${String(c.check)}`);

const newCode = fc
  .tuple(fc.array(digit, { minLength: 9, maxLength: 9 }), fc.boolean())
  .map(([d, hyphen]) => `32${d.slice(0, 4).join('')}${hyphen ? '-' : ''}${d.slice(4).join('')}`);

const email = fc
  .tuple(
    fc.stringMatching(/^[a-z][a-z0-9._]{0,10}[a-z0-9]$/),
    fc.constantFrom('inbox.lv', 'gmail.com', 'mail.ru', 'apollo.lv'),
  )
  .map(([local, domain]) => `${local}@${domain}`);

const lvPhone = fc
  .tuple(
    fc.constantFrom('2', '6'),
    fc.array(digit, { minLength: 7, maxLength: 7 }),
    fc.constantFrom('', '+371 ', '+371', '00371 '),
    fc.constantFrom('compact', '4+4', '2+3+3'),
  )
  .filter(([first, rest]) => `${first}${rest.join('')}` !== '67280485')
  .map(([first, rest, prefix, grouping]) => {
    const n = `${first}${rest.join('')}`;
    const grouped =
      grouping === '4+4'
        ? `${n.slice(0, 4)} ${n.slice(4)}`
        : grouping === '2+3+3'
          ? `${n.slice(0, 2)} ${n.slice(2, 5)} ${n.slice(5)}`
          : n;
    return `${prefix}${grouped}`;
  });

const intlPhone = fc
  .tuple(fc.constantFrom('+7', '+44', '+49', '+370', '+372', '+1'), fc.array(digit, { minLength: 8, maxLength: 10 }))
  .map(([cc, d]) => `${cc} ${d.slice(0, 3).join('')} ${d.slice(3).join('')}`);

const secret = fc.oneof(oldCode, newCode, email, lvPhone, intlPhone);

describe('scrubText: property', () => {
  it('leaves no personal code, e-mail or phone number in text, and nothing else changes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.array(word, { minLength: 1, maxLength: 3 }), secret), { minLength: 1, maxLength: 5 }),
        word,
        (parts, last) => {
          const text = `${parts.map(([ws, s]) => `${ws.join(' ')} ${s}`).join(', ')} ${last}.`;
          const scrubbed = scrubText(text);
          for (const [, s] of parts) expect(scrubbed).not.toContain(s);
          expect(scrubbed).not.toMatch(/\d/);
          expect(scrubbed).not.toContain('@');
          for (const [ws] of parts) for (const w of ws) expect(scrubbed).toContain(w);
          expect(scrubText(scrubbed)).toBe(scrubbed);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never changes text that has no digits, no @ and no capital letters', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 200 }).filter((s) => !/[\d@\p{Lu}\p{Lt}]/u.test(s)),
        (text) => {
          expect(scrubText(text)).toBe(text);
        },
      ),
    );
  });
});

// ---- regression: scrubbing was quadratic (a 32 KB comment took seconds) ----

/** Inputs that made a backtracking pattern retry every position of a long run, each built to a given length. */
const WORST_INPUTS: Record<string, (length: number) => string> = {
  'a digit run': (n) => '1'.repeat(n),
  'digits with hyphens': (n) => '1-'.repeat(n / 2),
  'digits with spaces': (n) => '12 '.repeat(n / 3),
  'one long word': (n) => 'a'.repeat(n),
  'dotted word without @': (n) => 'a.'.repeat(n / 2),
  'many @': (n) => 'a@'.repeat(n / 2),
  'repeated +371': (n) => '+371 '.repeat(n / 5),
  'capitals and digits': (n) => 'AB12 '.repeat(n / 5),
  'name-like tokens': (n) => 'Jānis Bērziņš kungs '.repeat(n / 20),
  'short capitalised Cyrillic words': (n) => 'Аб '.repeat(n / 3),
  'initials without surnames': (n) => '.Ж'.repeat(n / 2),
  'initials and surnames': (n) => 'J. Ab '.repeat(n / 6),
};

/**
 * The least CPU time of a few runs, in ms. CPU time of this process rather than the wall clock, so that other work
 * on a shared machine does not count, and the least of several runs, so that a collection in one run does not.
 */
function leastCpuMs(text: string, runs = 5): number {
  let best = Infinity;
  for (let i = 0; i < runs; i += 1) {
    const start = process.cpuUsage();
    scrubText(text);
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

describe('scrubText: cost grows linearly with the input (regression: quadratic e-mail pattern)', () => {
  it.each(Object.entries(WORST_INPUTS))('%s: 100 KB costs about ten times 10 KB, not a hundred', (_name, build) => {
    const small = build(10_000);
    const large = build(100_000);
    // Warm the regular expressions' compiled code so the first measurement is not the compile.
    scrubText(small);
    // Linear work gives a ratio near 10; the old quadratic pattern gave about 100. The floor of 0.05 ms keeps
    // the clock's resolution from inflating the ratio when the small input is very fast.
    const ratio = leastCpuMs(large) / Math.max(leastCpuMs(small), 0.05);
    expect(ratio).toBeLessThan(35);
  });
});

describe('rules searched only in text with a digit', () => {
  // The characters these patterns are made of, digits left out: letters of both cases, separators, brackets.
  const digitFree = fc.string({
    unit: fc.constantFrom(...'ABCLVEUabclv +-().@ /:'.split(''), 'Ā', 'ж'),
    maxLength: 40,
  });

  it('never match a text without a digit, so skipping them for such a text changes nothing', () => {
    const digitRules = SCRUB_RULES.filter((rule) => rule.needs === 'digit');
    expect(digitRules.map((rule) => rule.kind)).toEqual(
      expect.arrayContaining(['iban', 'card', 'personalCode', 'phone', 'vehicle']),
    );
    fc.assert(
      fc.property(digitFree, (text) => {
        for (const rule of digitRules) expect(text.match(rule.pattern)).toBeNull();
      }),
      { numRuns: 3000 },
    );
  });

  it('still scrub a number in a text that also holds other data', () => {
    expect(scrubText('Zvaniet man: 29123456, vai rakstiet uz a@b.lv')).toBe(
      'Zvaniet man: [PHONE], vai rakstiet uz [EMAIL]',
    );
  });
});
