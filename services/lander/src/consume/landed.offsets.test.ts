import { describe, expect, it } from 'vitest';
import { checkpointOf, planRecovery } from './landed.offsets.ts';

const at = new Date('2026-03-02T10:00:00Z');
const pending = { firstOffset: '100', lastOffset: '149', keys: ['a.parquet', 'b.parquet'] };

describe('planRecovery', () => {
  it('starts from the committed offset when the lake has no checkpoint for the partition', () => {
    expect(planRecovery(undefined, '42')).toEqual({
      resumeAt: '42',
      landedThrough: null,
      deleteKeys: [],
      rewriteCheckpoint: false,
    });
    expect(planRecovery(undefined, null).resumeAt).toBeNull();
  });

  it('resumes after the last landed offset when the commit was lost', () => {
    const plan = planRecovery(checkpointOf('t', 0, '99', null, at), '50');
    expect(plan).toMatchObject({ resumeAt: '100', landedThrough: '99', deleteKeys: [] });
  });

  it('deletes the objects of a batch that crashed before its commit and lands it again', () => {
    const plan = planRecovery(checkpointOf('t', 0, '99', pending, at), '100');
    expect(plan).toEqual({ resumeAt: '100', landedThrough: '99', deleteKeys: pending.keys, rewriteCheckpoint: true });
  });

  it('keeps a batch whose commit succeeded although the checkpoint was not updated', () => {
    const plan = planRecovery(checkpointOf('t', 0, '99', pending, at), '150');
    expect(plan).toEqual({ resumeAt: '150', landedThrough: '149', deleteKeys: [], rewriteCheckpoint: true });
  });

  it('handles offsets beyond 2^53 exactly', () => {
    const plan = planRecovery(checkpointOf('t', 0, '9007199254740993', null, at), null);
    expect(plan.resumeAt).toBe('9007199254740994');
  });
});
