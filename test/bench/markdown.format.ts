/** Reading a bench section's loose JSON and writing its Markdown table: shared by the report's sections. */

/** The value at a dotted path of loosely typed JSON, or undefined. */
export function at(value: unknown, path: string): unknown {
  let node = value;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A figure for the table: thousands separated, or "—" when absent. */
export function fmt(value: unknown, unit = '', digits = 1): string {
  const n = num(value);
  if (n === undefined) return '—';
  const text = n.toLocaleString('en-GB', { maximumFractionDigits: Math.abs(n) >= 100 ? 0 : digits });
  return `${text}${unit}`;
}

export function ratio(a: unknown, b: unknown): string {
  const x = num(a);
  const y = num(b);
  return x === undefined || y === undefined || y === 0 ? '—' : `${(x / y).toFixed(2)}×`;
}

export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
