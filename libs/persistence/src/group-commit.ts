/** What the writer of a batch is given: the jobs, in the order they were submitted. */
export type BatchWriter<J, R> = (jobs: J[]) => Promise<R[]>;

export interface GroupCommitOptions {
  /** Most jobs written in one batch (one transaction). */
  maxBatch: number;
}

interface Pending<J, R> {
  job: J;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: jobs submitted while a batch is being written wait and are written together in
 * the next batch, so that under load many requests share one transaction, one lock of each hot
 * row and one commit, while a lone request is written at once (no timer, no added latency).
 *
 * One batch is written at a time, in submission order. When a batch fails, each of its jobs is
 * written again on its own, so a job that cannot be written fails alone and the others are not
 * lost; a job is never written twice unless its first attempt rolled back.
 */
export class GroupCommitQueue<J, R> {
  private readonly waiting: Array<Pending<J, R>> = [];
  private draining: Promise<void> | null = null;

  constructor(
    private readonly write: BatchWriter<J, R>,
    private readonly options: GroupCommitOptions,
    private readonly onBatch?: (size: number, outcome: 'ok' | 'retried') => void,
  ) {
    if (!Number.isInteger(options.maxBatch) || options.maxBatch < 1) throw new RangeError('maxBatch must be a positive integer');
  }

  submit(job: J): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ job, resolve, reject });
      this.draining ??= this.drain().finally(() => {
        this.draining = null;
      });
    });
  }

  /** Resolves when every job submitted so far has been written or has failed. */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.options.maxBatch);
      await this.writeBatch(batch);
    }
  }

  private async writeBatch(batch: Array<Pending<J, R>>): Promise<void> {
    try {
      const results = await this.write(batch.map((p) => p.job));
      if (results.length !== batch.length) throw new Error(`The batch writer returned ${results.length} results for ${batch.length} jobs`);
      batch.forEach((p, i) => p.resolve(results[i]!));
      this.onBatch?.(batch.length, 'ok');
      return;
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        this.onBatch?.(1, 'ok');
        return;
      }
    }
    // The batch rolled back: each job alone, so one bad job fails by itself.
    this.onBatch?.(batch.length, 'retried');
    for (const pending of batch) {
      try {
        const [result] = await this.write([pending.job]);
        pending.resolve(result!);
      } catch (error) {
        pending.reject(error);
      }
    }
  }
}
