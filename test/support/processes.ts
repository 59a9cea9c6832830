/** Linux process-tree helpers for fault scenarios: which processes a service started, and which still run. */
import { readFileSync } from 'node:fs';

/** Every descendant of `pid` (children first), read from /proc; empty when /proc does not list children. */
export function descendants(pid: number): number[] {
  const out: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const current = queue.shift()!;
    let children: number[];
    try {
      children = readFileSync(`/proc/${current}/task/${current}/children`, 'utf8')
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map(Number);
    } catch {
      children = [];
    }
    out.push(...children);
    queue.push(...children);
  }
  return out;
}

/** Whether a process with this id exists (and is not a zombie). */
export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/\) Z /.test(stat);
  } catch {
    return false;
  }
}
