/** Placeholder replaced below. */
export interface SqlResult {
  columns: string[];
  rows: Record<string, unknown>[];
  truncated: boolean;
  elapsedMs: number;
}
export interface SqlRunner {
  run(sql: string): Promise<SqlResult>;
}
