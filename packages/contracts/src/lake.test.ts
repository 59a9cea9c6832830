import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LakeTables } from './constants.ts';
import { anyEventArb } from './events.arbitraries.ts';
import { EVENT_SCHEMAS, familyOf } from './events.ts';
import { LakeColumns } from './lake.columns.ts';
import { lakeTableFor, toLakeRow, toRejectedLakeRow } from './lake.rows.ts';
import { toRejectedEvent } from './rejected.ts';

const meta = { partition: 3, offset: '9007199254740993', ingestedAt: '2026-03-02T09:00:01.000Z' };

describe('lake columns', () => {
  it('are flat snake_case, unique, and carry the ingest columns in every table', () => {
    for (const columns of Object.values(LakeColumns)) {
      const names = columns.map((c) => c.name);
      expect(new Set(names).size).toBe(names.length);
      for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9_]*$/);
      for (const name of ['event_id', 'type', 'occurred_at', 'ingested_at', 'kafka_partition', 'kafka_offset']) {
        expect(names).toContain(name);
      }
    }
  });

  it('have a column for every field of every event, in the family’s table', () => {
    for (const schema of EVENT_SCHEMAS) {
      const type = schema.shape.type.value;
      const names = LakeColumns[LakeTables[familyOf(type)]].map((c) => c.name);
      for (const field of Object.keys(schema.shape)) expect(names, `${type}.${field}`).toContain(field);
    }
  });

  it('are non-nullable only where every event of the table has the field', () => {
    for (const schema of EVENT_SCHEMAS) {
      const type = schema.shape.type.value;
      const shape = schema.shape as Record<string, { safeParse: (v: unknown) => { success: boolean } }>;
      for (const column of LakeColumns[LakeTables[familyOf(type)]]) {
        const field = shape[column.name];
        if (column.nullable || !field || column.name === 'backfill') continue;
        expect(field.safeParse(undefined).success, `${type}.${column.name}`).toBe(false);
      }
    }
  });
});

describe('toLakeRow', () => {
  it('gives every column of the event’s table, nulls for absent fields, UTC times and a bigint offset', () => {
    fc.assert(
      fc.property(anyEventArb, (event) => {
        const row = toLakeRow(event, meta);
        const columns = LakeColumns[lakeTableFor(event)];
        expect(Object.keys(row)).toEqual(columns.map((c) => c.name));
        for (const column of columns) {
          const value = row[column.name];
          if (!column.nullable) expect(value, column.name).not.toBeNull();
          if (value !== null && column.type === 'TIMESTAMPTZ') expect(value).toMatch(/Z$/);
        }
        expect(row.occurred_at).toBe(new Date(event.occurred_at).toISOString());
        expect(row.kafka_offset).toBe(9007199254740993n);
        expect(row.backfill).toBe(event.backfill ?? false);
      }),
      { numRuns: 300 },
    );
  });

  it('maps a survey with unanswered questions to nulls, not zeros', () => {
    const row = toLakeRow(
      {
        event_id: '0b6f1c1e-6a1f-4a4e-9f57-3f0b1d2a7c11',
        type: 'survey.submitted',
        schema_version: 1,
        occurred_at: '2026-03-02T11:00:00+02:00',
        source: 'kiosk',
        channel: 'in_person',
        survey_id: 'S-1',
        satisfaction: 4,
        recommend: 0,
      },
      meta,
    );
    expect(row).toMatchObject({
      occurred_at: '2026-03-02T09:00:00.000Z',
      satisfaction: 4,
      recommend: 0,
      competence: null,
      comment: null,
      office_id: null,
      kafka_partition: 3,
      ingested_at: '2026-03-02T09:00:01.000Z',
    });
  });
});

describe('rejected events', () => {
  const raw = {
    event_id: 'b8a2f7a4-3c1e-4f4e-9a55-0c7f7e0e1a11',
    type: 'survey.submitted',
    occurred_at: '2026-03-02T11:00:00+02:00',
    satisfaction: 9,
    customer_ref: '010101-10006',
    comment: 'zvaniet 26123456',
  };

  it('keep the payload as sent on the topic (for replay), and only its redacted form in the lake row', () => {
    const rejected = toRejectedEvent(
      { parsed: raw },
      [{ path: 'satisfaction', message: 'expected an integer from 1 to 5' }],
      { receivedAt: new Date('2026-03-02T09:00:00Z'), source: 'ingest-http' },
    );
    expect(JSON.parse(rejected.raw)).toEqual(raw);
    const row = toRejectedLakeRow(rejected, meta);
    expect(Object.keys(row)).toEqual(LakeColumns.rejected_events.map((c) => c.name));
    expect(String(row.raw)).not.toContain('26123456');
    expect(String(row.raw)).not.toContain('010101');
    expect(JSON.parse(String(row.raw))).toMatchObject({
      satisfaction: 9,
      customer_ref: '[PERSON_REF]',
      comment: 'zvaniet [PHONE]',
    });
    expect(row).toMatchObject({
      event_id: raw.event_id,
      type: 'survey.submitted',
      occurred_at: '2026-03-02T09:00:00.000Z',
      source: 'ingest-http',
      received_at: '2026-03-02T09:00:00.000Z',
      reasons: '[{"path":"satisfaction","message":"expected an integer from 1 to 5"}]',
      kafka_offset: 9007199254740993n,
    });
  });

  it('cope with a payload that is not an object', () => {
    const rejected = toRejectedEvent({ text: 'not json' }, [{ path: '(event)', message: 'expected a JSON object' }], {
      receivedAt: new Date('2026-03-02T09:00:00Z'),
    });
    expect(toRejectedLakeRow(rejected, meta)).toMatchObject({
      event_id: null,
      type: null,
      occurred_at: null,
      raw: '"[unparsed text: 8 chars]"',
    });
  });
});
