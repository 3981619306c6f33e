import { GroupCommitQueue } from './group-commit';

/** A writer whose batches finish when the test says so, recording what each batch held. */
function controlledWriter(fail: (jobs: number[]) => boolean = () => false) {
  const batches: number[][] = [];
  const gates: Array<() => void> = [];
  const write = async (jobs: number[]): Promise<string[]> => {
    batches.push(jobs);
    await new Promise<void>((release) => gates.push(release));
    if (fail(jobs)) throw new Error(`batch ${jobs.join(',')} failed`);
    return jobs.map((j) => `done-${j}`);
  };
  const releaseNext = async () => {
    while (gates.length === 0) await new Promise((r) => setImmediate(r));
    gates.shift()!();
    await new Promise((r) => setImmediate(r));
  };
  return { batches, write, releaseNext };
}

describe('GroupCommitQueue', () => {
  it('writes a lone job at once, and the jobs that arrive meanwhile together in the next batch, in order', async () => {
    const w = controlledWriter();
    const queue = new GroupCommitQueue(w.write, { maxBatch: 3 });
    const first = queue.submit(1);
    const rest = [2, 3, 4, 5, 6].map((j) => queue.submit(j));
    await w.releaseNext();
    await expect(first).resolves.toBe('done-1');
    await w.releaseNext();
    await w.releaseNext();
    await expect(Promise.all(rest)).resolves.toEqual(['done-2', 'done-3', 'done-4', 'done-5', 'done-6']);
    expect(w.batches).toEqual([[1], [2, 3, 4], [5, 6]]);
    await queue.idle();
  });

  it('writes each job of a failed batch again on its own, so only the bad job fails', async () => {
    const w = controlledWriter((jobs) => jobs.includes(3));
    const queue = new GroupCommitQueue(w.write, { maxBatch: 10 });
    const outcomes: string[] = [];
    const blocker = queue.submit(0);
    const jobs = [2, 3, 4].map((j) =>
      queue.submit(j).then(
        (r) => outcomes.push(r),
        (e: Error) => outcomes.push(e.message),
      ),
    );
    for (let i = 0; i < 5; i++) await w.releaseNext();
    await blocker;
    await Promise.all(jobs);
    expect(w.batches).toEqual([[0], [2, 3, 4], [2], [3], [4]]);
    expect(outcomes).toEqual(['done-2', 'batch 3 failed', 'done-4']);
  });

  it('refuses a batch size that is not a positive integer', () => {
    expect(() => new GroupCommitQueue(async () => [], { maxBatch: 0 })).toThrow(RangeError);
  });

  it('fails every job of a batch whose writer miscounts its results, then writes them alone', async () => {
    let calls = 0;
    const queue = new GroupCommitQueue<number, number>(async (jobs) => (++calls === 2 ? [] : jobs), { maxBatch: 5 });
    const results = await Promise.all([1, 2, 3].map((j) => queue.submit(j).catch(() => -1)));
    // Batch 1 = [1]; batch 2 = [2, 3] miscounts; each alone then succeeds.
    expect(results).toEqual([1, 2, 3]);
    expect(calls).toBe(4);
  });
});
