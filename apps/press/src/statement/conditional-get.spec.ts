import { notModified } from './conditional-get';

describe(notModified.name, () => {
  const etag = '"abc"';
  const modified = new Date('2026-12-01T03:04:05.678Z');

  it('answers If-None-Match by the entity tags, whatever If-Modified-Since says', () => {
    expect(notModified({ 'if-none-match': '"abc"' }, etag, modified)).toBe(true);
    expect(notModified({ 'if-none-match': '"x", W/"abc"' }, etag, modified)).toBe(true);
    expect(notModified({ 'if-none-match': '*' }, etag, modified)).toBe(true);
    expect(notModified({ 'if-none-match': '"old"', 'if-modified-since': modified.toUTCString() }, etag, modified)).toBe(false);
  });

  it('answers If-Modified-Since at one-second precision', () => {
    expect(notModified({ 'if-modified-since': modified.toUTCString() }, etag, modified)).toBe(true);
    expect(notModified({ 'if-modified-since': new Date('2026-12-01T03:04:04Z').toUTCString() }, etag, modified)).toBe(false);
    expect(notModified({ 'if-modified-since': 'not a date' }, etag, modified)).toBe(false);
    expect(notModified({ 'if-modified-since': modified.toUTCString() }, etag, null)).toBe(false);
    expect(notModified({}, etag, modified)).toBe(false);
  });
});
