/**
 * The dashboard section of the `pnpm bench` report (test/bench/dashboard.bench.ts): per screen, the time to its
 * numbers in Chromium against its own API requests fetched directly, and where the page's time went.
 */
import { at, fmt, num, ratio, table } from './markdown.format.ts';

const SCREEN_NAMES: Record<string, string> = {
  overview: 'Overview',
  offices: 'Offices',
  visits: 'Visits',
  complaints: 'Complaints',
  equal: 'Equal service',
};

const pair = (row: unknown, path: string) => `${fmt(at(row, `${path}.p50`))} / ${fmt(at(row, `${path}.p95`))}`;

export function dashboard(r: unknown): string {
  const screens = (at(r, 'screens') as unknown[] | undefined) ?? [];
  const name = (row: unknown) => SCREEN_NAMES[String(at(row, 'screen'))] ?? String(at(row, 'screen'));
  const check = at(r, 'overviewRequests');
  const missing = (at(check, 'notSentByThePage') as string[] | undefined) ?? [];
  const extra = (at(check, 'notInTheList') as string[] | undefined) ?? [];
  return [
    `${fmt(at(r, 'lake.events'))} events of the demo year (${String(at(r, 'lake.from'))} – ${String(at(r, 'lake.to'))}), ` +
      `sent through ingest as \`npm start\` seeds them and landed (visible after ${fmt(at(r, 'lake.visibleSeconds'), ' s')}). ` +
      `Chromium ${String(at(r, 'browser.chromium'))}, ${fmt(at(r, 'loadsPerScreen'))} fresh page loads per screen ` +
      '(new context, token in sessionStorage, the query service’s answer cache off). Shown: navigation start → the ' +
      'first frame with the screen’s content, every tile’s value and every chart’s canvas. Baseline: the ' +
      'screen’s own API requests as Chromium sent them, from Node all at once (six sockets), to the last answer.',
    '',
    table(
      [
        'screen',
        'requests (sign-in + screen)',
        'shown p50 / p95 ms',
        'its requests from Node p50 / p95 ms',
        'overhead ms (p50 / p95)',
        'ratio (p50)',
      ],
      screens.map((row) => [
        name(row),
        `${fmt(at(row, 'requests.boot'))} + ${fmt(at(row, 'requests.screen'))}`,
        pair(row, 'page'),
        pair(row, 'baseline'),
        `${fmt(at(row, 'overheadMsP50'))} / ${fmt(at(row, 'overheadMsP95'))}`,
        ratio(at(row, 'page.p50'), at(row, 'baseline.p50')),
      ]),
    ),
    '',
    'Where a load’s time goes (p50 of each phase, ms after navigation start unless a span):',
    '',
    table(
      [
        'screen',
        'script arrived',
        'first sign-in request',
        'sign-in requests (span)',
        'first screen request',
        'screen requests (span)',
        'last answer → shown',
      ],
      screens.map((row) => [
        name(row),
        fmt(at(row, 'phasesP50.scriptArrived')),
        fmt(at(row, 'phasesP50.bootRequestsStart')),
        fmt(at(row, 'phasesP50.bootRequestsFirstToLast')),
        fmt(at(row, 'phasesP50.screenRequestsStart')),
        fmt(at(row, 'phasesP50.screenRequestsFirstToLast')),
        fmt(at(row, 'phasesP50.lastAnswerToShown')),
      ]),
    ),
    '',
    num(at(check, 'listed')) === undefined
      ? 'The overview’s requests were not checked.'
      : `The overview’s requests in Chromium against requests.ts (\`overviewRequests\`): ${fmt(at(check, 'sentByChromium'))} sent, ` +
        `${fmt(at(check, 'listed'))} listed — ${at(check, 'match') === true ? 'the same URLs' : `differ: not sent ${missing.join(', ') || 'none'}; not listed ${extra.join(', ') || 'none'}`}. ` +
        `Load average (1 min) ${fmt(at(r, 'loadAverage1m.start'))} at the start, ${fmt(at(r, 'loadAverage1m.end'))} at the end.`,
  ].join('\n');
}
