import { compatibilityPartitioner } from '@platformatic/kafka';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyPartitioner, murmur2 } from './murmur2.partitioner.ts';

describe('murmur2 key partitioning', () => {
  it("gives the Java client's murmur2 for the vectors of Kafka's own tests", () => {
    // org.apache.kafka.common.utils.UtilsTest#testMurmur2
    const cases: [Uint8Array, number][] = [
      [Buffer.from('21'), -973932308],
      [Buffer.from('foobar'), -790332482],
      [Buffer.from('a-little-bit-long-string'), -985981536],
      [Buffer.from('a-little-bit-longer-string'), -1486304829],
      [Buffer.from('lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8'), -58897971],
      [Buffer.from('abc'), 479470107],
    ];
    for (const [data, hash] of cases) expect(murmur2(data)).toBe(hash);
  });

  it("puts every key on the partition @platformatic/kafka's compatibility partitioner picks", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        const key = Buffer.from(bytes);
        expect(keyPartitioner(undefined, key)).toBe(compatibilityPartitioner(undefined as never, key));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees on UTF-8 keys with every tail length, and sends a keyless message to partition 0', () => {
    for (const text of ['ā', 'Liepāja', 'Rīgas', 'e1b1c6a2-6f3e-4f8e-9a55-0b1d2c3e4f50', 'ы', 'ab', 'abcd'])
      expect(keyPartitioner(undefined, Buffer.from(text))).toBe(
        compatibilityPartitioner(undefined as never, Buffer.from(text)),
      );
    expect(keyPartitioner(undefined, undefined)).toBe(0);
  });
});
