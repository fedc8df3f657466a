// Group commit without a database: batching, order of results, failures confined to their batch, the in-flight cap.
import { describe, expect, it } from 'vitest';
import { groupCommit } from './group-commit';

/** A flush whose batches the test releases by hand. */
function controlledFlush() {
  const batches: Array<{ items: number[]; done: (fail?: Error) => void }> = [];
  const flush = (items: number[]) =>
    new Promise<string[]>((resolve, reject) => batches.push({ items, done: (fail) => (fail ? reject(fail) : resolve(items.map((i) => `stored ${i}`))) }));
  return { batches, flush };
}
const turn = () => new Promise((r) => setImmediate(r));

describe('group commit', () => {
  it('sends writes of one turn together, queues the rest while the cap is reached, and answers each after its own batch', async () => {
    const { batches, flush } = controlledFlush();
    const writer = groupCommit(flush, { maxBatch: 3, maxInFlight: 1 });
    const answers: string[] = [];
    const first = [1, 2].map((i) => writer.submit(i).then((r) => answers.push(r)));
    await turn();
    expect(batches.map((b) => b.items)).toEqual([[1, 2]]);
    const later = [3, 4, 5, 6].map((i) => writer.submit(i).then((r) => answers.push(r)));
    await turn();
    expect(batches).toHaveLength(1); // the cap holds them back
    expect(writer.pending()).toBe(6);
    expect(answers).toEqual([]);
    batches[0]!.done();
    await Promise.all(first);
    await turn();
    expect(answers).toEqual(['stored 1', 'stored 2']);
    expect(batches.map((b) => b.items)).toEqual([[1, 2], [3, 4, 5]]); // at most maxBatch at once
    batches[1]!.done();
    await turn();
    await turn();
    expect(batches[2]!.items).toEqual([6]);
    batches[2]!.done();
    await Promise.all(later);
    expect(answers).toEqual(['stored 1', 'stored 2', 'stored 3', 'stored 4', 'stored 5', 'stored 6']);
    expect(writer.pending()).toBe(0);
  });

  it('fails only the writes of the batch that failed, and goes on with the next', async () => {
    const { batches, flush } = controlledFlush();
    const writer = groupCommit(flush, { maxBatch: 10, maxInFlight: 2 });
    const a = writer.submit(1);
    await turn();
    const b = writer.submit(2);
    await turn();
    expect(batches.map((x) => x.items)).toEqual([[1], [2]]); // two in flight at once
    batches[0]!.done(new Error('disk full'));
    batches[1]!.done();
    await expect(a).rejects.toThrow('disk full');
    await expect(b).resolves.toBe('stored 2');
    const c = writer.submit(3);
    await turn();
    batches[2]!.done();
    await expect(c).resolves.toBe('stored 3');
  });
});
