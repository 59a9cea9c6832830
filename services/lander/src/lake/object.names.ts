/**
 * The lake's object names. Names are deterministic functions of topic, partition and offsets, so rewriting a
 * batch replaces the same objects instead of adding copies (S3Proxy does not enforce conditional PUTs).
 *
 *   <prefix><table>/date=<YYYY-MM-DD Europe/Riga>/<topic>+<partition>+<first offset>+<last offset>.parquet
 *   <prefix><table>/date=<day>/compacted-<hash of inputs>.parquet        (written by compaction)
 *   <prefix>_landing/<topic>/<partition>.json                            (the partition's landing checkpoint)
 */
import { OFFICE_TIME_ZONE } from '@servq/contracts';

const rigaDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: OFFICE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const HOUR_MS = 3_600_000;
/** Riga's offset from UTC is whole hours and changes on whole UTC hours, so a UTC hour has one Riga day. */
const dayOfHour = new Map<number, string>();

/** The office-local calendar day of an instant, `YYYY-MM-DD` (memoised per UTC hour: called once per event). */
export function lakeDate(instant: Date): string {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) return rigaDay.format(instant);
  const hour = Math.floor(ms / HOUR_MS);
  let day = dayOfHour.get(hour);
  if (day === undefined) {
    if (dayOfHour.size >= 100_000) dayOfHour.clear();
    day = rigaDay.format(instant);
    dayOfHour.set(hour, day);
  }
  return day;
}

export function dataObjectKey(
  prefix: string,
  table: string,
  date: string,
  topic: string,
  partition: number,
  firstOffset: string,
  lastOffset: string,
): string {
  return `${prefix}${table}/date=${date}/${topic}+${partition}+${firstOffset}+${lastOffset}.parquet`;
}

export function tableDayPrefix(prefix: string, table: string, date: string): string {
  return `${prefix}${table}/date=${date}/`;
}

export function compactedObjectKey(prefix: string, table: string, date: string, inputsHash: string): string {
  return `${tableDayPrefix(prefix, table, date)}compacted-${inputsHash}.parquet`;
}

export function checkpointKey(prefix: string, topic: string, partition: number): string {
  return `${prefix}_landing/${topic}/${partition}.json`;
}

export interface DataObjectName {
  table: string;
  date: string;
  topic: string;
  partition: number;
  firstOffset: string;
  lastOffset: string;
}

/** Parses a landed object's key; `undefined` for anything else (compacted files, foreign objects). */
export function parseDataObjectKey(prefix: string, key: string): DataObjectName | undefined {
  if (!key.startsWith(prefix)) return undefined;
  const match = /^([^/]+)\/date=(\d{4}-\d{2}-\d{2})\/(.+)\+(\d+)\+(\d+)\+(\d+)\.parquet$/.exec(
    key.slice(prefix.length),
  );
  if (!match) return undefined;
  const [, table, date, topic, partition, firstOffset, lastOffset] = match;
  if (!table || !date || !topic || !partition || !firstOffset || !lastOffset) return undefined;
  return { table, date, topic, partition: Number(partition), firstOffset, lastOffset };
}

export function isCompactedKey(key: string): boolean {
  return /\/compacted-[0-9a-f]+\.parquet$/.test(key);
}
