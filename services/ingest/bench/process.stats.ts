/** What the ingest benchmarks read of the service's process from /proc: its peak memory and CPU time so far. */
import { readFileSync } from 'node:fs';

/** Peak resident set (VmHWM) in MiB. */
export function peakRssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmHWM:'));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) / 1024;
}

/**
 * CPU seconds (user + system, all threads) so far: fields 14 and 15 of /proc/<pid>/stat, in ticks of 1/100 s.
 * On the shared machine the CPU a figure cost moves far less with the neighbours' load than its wall-clock rate.
 */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(stat[11]) + Number(stat[12])) / 100;
}
