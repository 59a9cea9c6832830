/**
 * Annotations from GET /v1/annotations placed on a trend's periods: each goes to the period that holds its
 * first day (periods are keyed by their first day, sorted). An annotation outside the shown periods, or for
 * an office the chart does not show, is left out rather than pinned to an edge.
 */
import type { AnnotationItem, Lang } from '../api.types.ts';

export interface PlacedAnnotation {
  index: number;
  kind: AnnotationItem['kind'];
  label: string;
  from: string;
  to: string | null;
}

export function placeAnnotations(
  periods: readonly string[],
  annotations: readonly AnnotationItem[],
  lang: Lang,
  options: { lastDay: string; office?: string | null },
): PlacedAnnotation[] {
  const placed: PlacedAnnotation[] = [];
  for (const a of annotations) {
    if (a.offices && options.office && !a.offices.includes(options.office)) continue;
    if (a.from > options.lastDay) continue;
    let index = -1;
    for (let i = 0; i < periods.length; i += 1) if ((periods[i] ?? '') <= a.from) index = i;
    if (index < 0) continue;
    placed.push({ index, kind: a.kind, label: a.label[lang], from: a.from, to: a.to });
  }
  return placed;
}
