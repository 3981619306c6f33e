/**
 * Work a process has started and not finished (RPC requests, HTTP requests, an event being applied,
 * a relay pass), counted by what it is. A shutdown that runs out of time logs this, so an operator
 * sees what was cut off.
 */
export class InFlightWork {
  private readonly counts = new Map<string, number>();
  private readonly idleWaiters = new Set<() => void>();

  /** Counts one piece of `what` as running; call the returned function (once) when it ends. */
  begin(what: string): () => void {
    this.counts.set(what, (this.counts.get(what) ?? 0) + 1);
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      const left = (this.counts.get(what) ?? 1) - 1;
      if (left > 0) this.counts.set(what, left);
      else this.counts.delete(what);
      if (this.counts.size === 0) for (const wake of [...this.idleWaiters]) wake();
    };
  }

  /** Runs `work` counted as `what`. */
  async track<T>(what: string, work: () => Promise<T>): Promise<T> {
    const end = this.begin(what);
    try {
      return await work();
    } finally {
      end();
    }
  }

  get size(): number {
    let total = 0;
    for (const n of this.counts.values()) total += n;
    return total;
  }

  /** What is running now, by name (names sorted). */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** Resolves once nothing counted here is running. */
  idle(): Promise<void> {
    if (this.counts.size === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        this.idleWaiters.delete(wake);
        resolve();
      };
      this.idleWaiters.add(wake);
    });
  }
}

let processWork: InFlightWork | null = null;

/** The process's record of running work (several services may share a process in tests). */
export function inFlightWork(): InFlightWork {
  processWork ??= new InFlightWork();
  return processWork;
}
