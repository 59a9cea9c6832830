/** What the ingest benchmarks read of the service's process from /proc: its peak memory and CPU time so far. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

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

/**
 * The local Kafka broker's process (infra/local writes its pid under the data dir), or undefined when the broker is
 * not ours to see: its CPU an event shows what a producer's request pattern costs on the same two cores.
 */
export function brokerPid(dataDir = process.env.SERVQ_DATA_DIR): number | undefined {
  const file = dataDir && join(dataDir, 'run', 'kafka.pid');
  if (!file || !existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  return existsSync(`/proc/${pid}/stat`) ? pid : undefined;
}
