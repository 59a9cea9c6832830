/**
 * Text widths as the charts' canvas draws them (12 px, the charts' font), so legend rows and wrapped axis names
 * are counted, not guessed. Without a canvas (tests) it falls back to chart.options' estimate of a character.
 */
import type { MeasureText } from './chart.options.ts';

let measureContext: CanvasRenderingContext2D | null | undefined;

export const measureText: MeasureText = (text) => {
  measureContext ??= document.createElement('canvas').getContext('2d');
  if (!measureContext) return Math.ceil(text.length * 6.2);
  measureContext.font = '12px Inter, "Segoe UI", system-ui, sans-serif';
  return Math.ceil(measureContext.measureText(text).width);
};

/**
 * The label column of horizontal bars: long names (services, refusal reasons, complaint categories) wrap within a
 * third of the screen, leaving the bars room on a phone.
 */
export const categoryWidth = (): number => Math.round(Math.min(220, Math.max(110, window.innerWidth * 0.33)));
