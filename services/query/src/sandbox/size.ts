/**
 * Sizes as the configuration writes them (`256MB`, `1GiB`), in bytes, with the units DuckDB reads: KB, MB and
 * GB are powers of 1000, KiB, MiB and GiB powers of 1024.
 */
const units: Record<string, number> = { kb: 1e3, mb: 1e6, gb: 1e9, kib: 2 ** 10, mib: 2 ** 20, gib: 2 ** 30 };

export function sizeToBytes(size: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/i.exec(size.trim());
  const unit = units[match?.[2]?.toLowerCase() ?? ''];
  if (!match?.[1] || unit === undefined) throw new Error(`not a size: ${size}`);
  return Math.floor(Number(match[1]) * unit);
}
