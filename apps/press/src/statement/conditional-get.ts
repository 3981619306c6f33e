/**
 * Whether a conditional GET may be answered 304 (RFC 9110 §13.1): If-None-Match decides when
 * present (a list of entity tags, or *; weak comparison), otherwise If-Modified-Since against the
 * Last-Modified time at the one-second precision HTTP dates have.
 */
export function notModified(headers: { 'if-none-match'?: string; 'if-modified-since'?: string }, etag: string, lastModified: Date | null): boolean {
  const noneMatch = headers['if-none-match'];
  if (noneMatch !== undefined) {
    const tags = noneMatch.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
    return tags.includes('*') || tags.includes(etag.replace(/^W\//, ''));
  }
  const since = headers['if-modified-since'];
  if (since === undefined || !lastModified) return false;
  const sinceMs = Date.parse(since);
  return !Number.isNaN(sinceMs) && Math.floor(lastModified.getTime() / 1000) * 1000 <= sinceMs;
}
