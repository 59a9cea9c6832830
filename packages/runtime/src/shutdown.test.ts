import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const shutdownModule = fileURLToPath(new URL('./shutdown.ts', import.meta.url));

/** Runs a process that installs `stopOnSignals` with the given stop body, sends it SIGTERM, returns its exit and output. */
async function stopWith(stopBody: string, deadline = ''): Promise<{ code: number | null; output: string }> {
  const script = `
    import { stopOnSignals } from ${JSON.stringify(shutdownModule)};
    const logger = { info: (f, m) => console.log(m, JSON.stringify(f)), error: (f, m) => console.log(m) };
    stopOnSignals(async () => { ${stopBody} }, { logger${deadline} });
    console.log('ready');
    setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
    if (chunk.includes('ready')) child.kill('SIGTERM');
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, output };
}

describe('stopOnSignals', () => {
  it('logs the signal, runs stop once, and exits 0', async () => {
    const { code, output } = await stopWith("console.log('stopped');");
    expect(code).toBe(0);
    expect(output).toContain('shutting down {"signal":"SIGTERM"}');
    expect(output.match(/stopped/g)).toHaveLength(1);
  });

  it('exits 1 when stop fails', async () => {
    const { code, output } = await stopWith("throw new Error('disk gone');");
    expect(code).toBe(1);
    expect(output).toContain('shutdown failed');
  });

  it('exits 1 with its message when stop outlasts the deadline', async () => {
    const { code, output } = await stopWith(
      'await new Promise(() => {});',
      ", deadline: { ms: 200, message: 'gave up; read again on restart' }",
    );
    expect(code).toBe(1);
    expect(output).toContain('gave up; read again on restart');
  });
});
