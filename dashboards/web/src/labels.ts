/**
 * Names of reference values (offices, channels, services, service languages, complaint categories, outcomes,
 * refusal reasons) as the query API serves them at /v1/reference from @servq/contracts — the page keeps no
 * copy. Unknown ids are shown as they are, so new reference values never break the page.
 */
import type { Lang, ReferenceAnswer, ReferenceValue } from './api.types.ts';

/** Which list of the answer names the values of each query dimension. */
const LISTS: Record<
  string,
  Exclude<keyof ReferenceAnswer, 'officeHours' | 'movedWorkingDays' | 'ageBands' | 'noOffice' | 'noOfficeFilter'>
> = {
  office: 'offices',
  channel: 'channels',
  service_channel: 'channels',
  service: 'services',
  language: 'languages',
  category: 'categories',
  outcome: 'outcomes',
  refusal_reason: 'refusalReasons',
  arrival: 'arrivals',
  legal_rule: 'legalRules',
};

export class Labels {
  private readonly byDimension = new Map<string, Map<string, ReferenceValue>>();

  constructor(readonly reference: ReferenceAnswer) {
    for (const [dimension, list] of Object.entries(LISTS))
      this.byDimension.set(dimension, new Map(reference[list].map((v) => [v.id, v])));
  }

  /** The ids of a dimension in the API's order (offices as ATD lists them). */
  ids(dimension: string): string[] {
    return [...(this.byDimension.get(dimension)?.keys() ?? [])];
  }

  /**
   * The name of a dimension value; `null` (not recorded) gets a word of its own, written like the API's names
   * (which stand on their own, starting with a capital) since it sits among them in a chart or a table. A null
   * office is the API's own "no office" name: not recorded, and not the whole agency either.
   */
  value(dimension: string, id: string | null, lang: Lang): string {
    if (id === null && dimension === 'office') return this.noOffice(lang);
    if (id === null) return lang === 'lv' ? 'Nav norādīts' : 'Not recorded';
    return this.byDimension.get(dimension)?.get(id)?.name[lang] ?? id;
  }

  /** Records with no office (complaints not yet assigned to one), as the query API names them. */
  noOffice(lang: Lang): string {
    return this.reference.noOffice[lang];
  }

  office(id: string | null, lang: Lang): string {
    return this.value('office', id, lang);
  }

  /** An office's short name (for a phone's chart legend), or its full name when it has none. */
  officeShort(id: string, lang: Lang): string {
    return this.byDimension.get('office')?.get(id)?.short?.[lang] ?? this.office(id, lang);
  }
}
