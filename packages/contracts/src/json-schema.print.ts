/** Prints the events' JSON Schema: `pnpm --filter @servq/contracts json-schema > servq-events.schema.json`. */
import { eventJsonSchema } from './json-schema.ts';

process.stdout.write(`${JSON.stringify(eventJsonSchema(), null, 2)}\n`);
