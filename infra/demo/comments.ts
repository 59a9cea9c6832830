/**
 * Free text for surveys, complaints and feedback in Latvian, Russian and English. Some texts carry invented
 * personal data — a name, a phone number, an e-mail address, a personal code — the way real comments do, so
 * the lake can show ingest scrubbing them. Every such value is made up (example.* domains, generated codes).
 */
import { personalCodeCheckDigit, type ServiceLanguageId } from '@servq/contracts';
import { pick, type Random } from './random.ts';

type Lang = 'lv' | 'ru' | 'en';
type Mood = 'good' | 'bad';

const SURVEY: Record<Lang, Record<Mood, readonly string[]>> = {
  lv: {
    good: [
      'Ātri un laipni apkalpoja, paldies!',
      'Darbiniece visu skaidri izskaidroja.',
      'Viss notika pēc pieraksta laika, ļoti ērti.',
      'Atsaucīgs personāls, pakalpojums saņemts bez problēmām.',
    ],
    bad: [
      'Ilgi bija jāgaida rindā.',
      'Nevarēju atrast informāciju mājaslapā.',
      'Gaidīju vairāk nekā pusstundu, lai gan biju pierakstījies.',
      'Darbinieks nevarēja paskaidrot, kādi dokumenti vajadzīgi.',
    ],
  },
  ru: {
    good: ['Очень вежливый персонал, спасибо.', 'Всё быстро и понятно объяснили.', 'Обслужили без очереди по записи.'],
    bad: [
      'Пришлось долго ждать в очереди.',
      'Не смогли объяснить на русском языке, какие нужны документы.',
      'Ждал больше часа, это слишком долго.',
    ],
  },
  en: {
    good: ['Helpful staff, quick service.', 'Clear explanation of the documents I needed.', 'Friendly and efficient.'],
    bad: [
      'Waited far too long.',
      'Nobody could explain the process in English.',
      'The website information was outdated.',
    ],
  },
};

const NAMES = ['Jānis Ozols', 'Anna Bērziņa', 'Pēteris Kalniņš', 'Ilze Liepiņa', 'Sergejs Ivanovs', 'Olga Petrova'];
const STAFF_NAMES = ['Inese', 'Māris', 'Laura', 'Andris', 'Kristīne'];

function phone(random: Random): string {
  const digits = Array.from({ length: 7 }, () => Math.floor(random() * 10)).join('');
  return random() < 0.5 ? `+371 2${digits}` : `2${digits.slice(0, 3)} ${digits.slice(3)}`;
}

function email(random: Random): string {
  return `${pick(random, ['janis.ozols', 'anna.b', 'sergejs77', 'ilze.liepa', 'p.kalnins'])}@example.lv`;
}

/** A made-up old-form personal code with a valid date and check digit. */
function personalCode(random: Random): string {
  for (;;) {
    const day = 1 + Math.floor(random() * 28);
    const month = 1 + Math.floor(random() * 12);
    const year = 50 + Math.floor(random() * 50);
    const serial = String(Math.floor(random() * 1000)).padStart(3, '0');
    const first = `${String(day).padStart(2, '0')}${String(month).padStart(2, '0')}${year}1${serial}`;
    const check = personalCodeCheckDigit(first);
    if (check !== null) return `${first.slice(0, 6)}-${first.slice(6)}${check}`;
  }
}

const PII: Record<Lang, readonly ((r: Random) => string)[]> = {
  lv: [
    (r) => `Mani sauc ${pick(r, NAMES)}, lūdzu piezvaniet man uz ${phone(r)}.`,
    (r) => `Atbildi lūdzu sūtīt uz ${email(r)}.`,
    (r) => `Mans personas kods ${personalCode(r)}, lūdzu pārbaudiet manu pieteikumu.`,
    (r) => `Paldies darbiniecei ${pick(r, STAFF_NAMES)} par palīdzību!`,
  ],
  ru: [
    (r) => `Меня зовут ${pick(r, NAMES)}, мой телефон ${phone(r)}.`,
    (r) => `Прошу ответить на ${email(r)}.`,
    (r) => `Мой персональный код ${personalCode(r)}.`,
  ],
  en: [
    (r) => `My name is ${pick(r, NAMES)}, please call me at ${phone(r)}.`,
    (r) => `Please reply to ${email(r)}.`,
    (r) => `Personal code ${personalCode(r)} — my application is still pending.`,
  ],
};

function lang(language: ServiceLanguageId | undefined): Lang {
  return language === 'ru' || language === 'en' ? language : 'lv';
}

/** A survey comment; about one in six carries personal data. */
export function surveyComment(random: Random, language: ServiceLanguageId | undefined, satisfied: boolean): string {
  const l = lang(language);
  const text = pick(random, SURVEY[l][satisfied ? 'good' : 'bad']);
  return random() < 0.17 ? `${text} ${pick(random, PII[l])(random)}` : text;
}

const COMPLAINT: Record<Lang, readonly string[]> = {
  lv: [
    'Klients neapmierināts ar apkalpošanu.',
    'Sūdzība par ilgo gaidīšanu klientu centrā.',
    'Atteikums izsniegt licences karti bez pamatojuma.',
    'E-pakalpojumu portālā nevar iesniegt pieteikumu.',
    'Darbinieks bija nepieklājīgs.',
  ],
  ru: ['Жалоба на долгое ожидание.', 'Отказали в услуге без объяснения причин.', 'Сотрудник был невежлив.'],
  en: [
    'Complaint about the waiting time.',
    'The e-service portal rejects my application.',
    'I was refused without a reason.',
  ],
};

/** A complaint summary; about one in four carries personal data. */
export function complaintSummary(random: Random, language: ServiceLanguageId): string {
  const l = lang(language);
  const text = pick(random, COMPLAINT[l]);
  return random() < 0.25 ? `${text} ${pick(random, PII[l])(random)}` : text;
}

const FEEDBACK: Record<'praise' | 'suggestion', Record<Lang, readonly string[]>> = {
  praise: {
    lv: ['Paldies par izpalīdzību!', 'Ļoti profesionāla konsultācija.', 'Paldies, viss ātri un saprotami.'],
    ru: ['Спасибо за помощь!', 'Очень профессиональная консультация.'],
    en: ['Thank you for the excellent help!', 'Very professional service.'],
  },
  suggestion: {
    lv: ['Būtu ērti pierakstīties arī sestdienās.', 'Lūdzu papildināt mājaslapā dokumentu sarakstu.'],
    ru: ['Добавьте, пожалуйста, информацию на русском на сайте.'],
    en: ['Please add an English version of the booking page.'],
  },
};

export function feedbackText(random: Random, kind: 'praise' | 'suggestion', language: ServiceLanguageId): string {
  const l = lang(language);
  const text = pick(random, FEEDBACK[kind][l]);
  return random() < 0.2 ? `${text} ${pick(random, PII[l])(random)}` : text;
}
