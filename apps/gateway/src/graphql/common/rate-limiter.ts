import { ErrorCodes } from '@phoi-hop/contracts';
import { GraphQLError } from 'graphql';

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/**
 * A token bucket per caller (user or API client) in this gateway replica: `perSecond` sustained,
 * `burst` at once. Zero disables it. Buckets idle for a minute are forgotten.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private lastSweepMs = 0;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one request from the caller's bucket or throws RATE_LIMITED with a retry hint. */
  take(caller: string): void {
    if (this.perSecond <= 0) return;
    const now = this.now();
    this.sweep(now);
    const bucket = this.buckets.get(caller) ?? { tokens: this.burst, updatedMs: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.updatedMs) / 1000) * this.perSecond);
    bucket.updatedMs = now;
    this.buckets.set(caller, bucket);
    if (bucket.tokens < 1) {
      const retryAfterSeconds = Math.ceil((1 - bucket.tokens) / this.perSecond);
      throw new GraphQLError(`Too many requests; retry in ${retryAfterSeconds} s`, { extensions: { code: ErrorCodes.RATE_LIMITED, retryAfterSeconds } });
    }
    bucket.tokens -= 1;
  }

  private sweep(now: number): void {
    if (now - this.lastSweepMs < 60_000) return;
    this.lastSweepMs = now;
    for (const [caller, bucket] of this.buckets) if (now - bucket.updatedMs > 60_000) this.buckets.delete(caller);
  }
}
