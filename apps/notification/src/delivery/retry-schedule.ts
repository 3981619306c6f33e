export interface RetryPolicy {
  maxAttempts: number;
  baseMs: number;
  maxMs: number;
}

export type RetryDecision = { dead: true } | { dead: false; delayMs: number };

/**
 * What happens after a failed attempt: `attempts` is the number of attempts made so far, this one
 * included. The delay doubles from `baseMs` (30 s, 1 min, 2 min, … by default), capped at `maxMs`,
 * with up to `jitter` of it added at random so that many receivers coming back do not all retry at
 * once; after `maxAttempts` attempts the delivery is dead.
 */
export function afterFailure(attempts: number, policy: RetryPolicy, random: () => number = Math.random, jitter = 0.1): RetryDecision {
  if (attempts >= policy.maxAttempts) return { dead: true };
  const exponential = policy.baseMs * 2 ** Math.max(0, attempts - 1);
  const capped = Math.min(exponential, policy.maxMs);
  return { dead: false, delayMs: Math.round(capped * (1 + jitter * random())) };
}

/** The delays between the attempts of a delivery that always fails, without jitter (for docs and tests). */
export function retrySchedule(policy: RetryPolicy): number[] {
  const delays: number[] = [];
  for (let attempts = 1; ; attempts++) {
    const decision = afterFailure(attempts, policy, () => 0);
    if (decision.dead) return delays;
    delays.push(decision.delayMs);
  }
}
