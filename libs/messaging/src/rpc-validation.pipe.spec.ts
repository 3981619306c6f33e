import { findNulCharacter } from './rpc-validation.pipe';

describe(findNulCharacter.name, () => {
  it('names the first string holding a NUL character, however deep', () => {
    expect(findNulCharacter({ excerpt: 'tin\u0000 đồn' })).toBe('excerpt');
    expect(findNulCharacter({ plan: [{ details: 'ok' }, { details: 'a\u0000' }] })).toBe('plan.1.details');
    expect(findNulCharacter('\u0000')).toBe('input');
  });

  it('passes text without one, including other control and bidirectional characters', () => {
    expect(findNulCharacter({ excerpt: 'Tin đồn\u202E\t\n', reach: 5, links: ['https://a.vn'], nothing: null })).toBeNull();
  });
});
