import { CREDENTIAL_EXPIRED_CLOSE_CODE, closeWhenExpired } from './subscription-expiry';

describe(closeWhenExpired.name, () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('closes the socket with 4401 when the credential expires, and not before', () => {
    const socket = { close: jest.fn() };
    closeWhenExpired(socket, Date.now() + 5_000);
    jest.advanceTimersByTime(4_999);
    expect(socket.close).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(socket.close).toHaveBeenCalledWith(CREDENTIAL_EXPIRED_CLOSE_CODE, 'Token expired');
  });

  it('closes at once for a credential already expired, never after a cancel, and waits past the longest timer', () => {
    const expired = { close: jest.fn() };
    closeWhenExpired(expired, Date.now() - 1);
    expect(expired.close).toHaveBeenCalledTimes(1);
    const cancelled = { close: jest.fn() };
    closeWhenExpired(cancelled, Date.now() + 1_000)();
    jest.advanceTimersByTime(2_000);
    expect(cancelled.close).not.toHaveBeenCalled();
    // A key expiring in 30 days: a single Node timer would overflow and fire at once.
    const far = { close: jest.fn() };
    closeWhenExpired(far, Date.now() + 30 * 86_400_000);
    jest.advanceTimersByTime(29 * 86_400_000);
    expect(far.close).not.toHaveBeenCalled();
    jest.advanceTimersByTime(86_400_000);
    expect(far.close).toHaveBeenCalledTimes(1);
  });
});
