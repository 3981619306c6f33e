import { RateLimiter } from './rate-limiter';

describe(RateLimiter.name, () => {
  it('allows a burst, then the sustained rate, per caller, with a retry hint', () => {
    let now = 0;
    const sut = new RateLimiter(2, 3, () => now);
    for (let i = 0; i < 3; i++) sut.take('a');
    expect(() => sut.take('a')).toThrow(expect.objectContaining({ extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 1 } }));
    sut.take('b');
    now += 500;
    sut.take('a');
    expect(() => sut.take('a')).toThrow(/Too many requests/);
  });

  it('is off at zero', () => {
    const sut = new RateLimiter(0, 0);
    expect(() => {
      for (let i = 0; i < 1000; i++) sut.take('a');
    }).not.toThrow();
  });
});
