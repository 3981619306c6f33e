import { afterFailure, retrySchedule } from './retry-schedule';

describe('retry schedule', () => {
  const policy = { maxAttempts: 8, baseMs: 30_000, maxMs: 6 * 3_600_000 };

  it('doubles from the base delay and gives up after maxAttempts attempts', () => {
    expect(retrySchedule(policy)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000]);
    expect(afterFailure(7, policy, () => 0)).toEqual({ dead: false, delayMs: 1_920_000 });
    expect(afterFailure(8, policy, () => 0)).toEqual({ dead: true });
    expect(afterFailure(9, policy, () => 0)).toEqual({ dead: true });
  });

  it('caps the delay at maxMs', () => {
    expect(retrySchedule({ maxAttempts: 6, baseMs: 1_000, maxMs: 5_000 })).toEqual([1_000, 2_000, 4_000, 5_000, 5_000]);
  });

  it('adds at most the jitter fraction, never less than the schedule', () => {
    expect(afterFailure(2, policy, () => 0.999, 0.1)).toEqual({ dead: false, delayMs: Math.round(60_000 * 1.0999) });
    expect(afterFailure(2, policy, () => 0.5, 0)).toEqual({ dead: false, delayMs: 60_000 });
  });

  it('makes a single-attempt policy dead at once', () => {
    expect(retrySchedule({ maxAttempts: 1, baseMs: 10, maxMs: 10 })).toEqual([]);
  });
});
