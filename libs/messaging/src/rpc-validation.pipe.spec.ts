import { IsString } from 'class-validator';
import { DomainError, ErrorCodes } from '@phoi-hop/contracts';
import { createRpcValidationPipe, findUnstorableText } from './rpc-validation.pipe';

class Request {
  @IsString()
  text!: string;
}

describe('findUnstorableText', () => {
  const fieldOf = (value: unknown) => findUnstorableText(value)?.field ?? null;

  it('names the first string holding a NUL, however deep', () => {
    expect(fieldOf({ a: 'ok', plan: [{ details: 'fine' }, { details: 'x\u0000y' }] })).toBe('plan.1.details');
    expect(fieldOf('\u0000')).toBe('input');
  });

  it.each([
    ['a lone high surrogate', '\ud800'],
    ['a lone low surrogate', 'abc\udc00'],
    ['a pair in the wrong order', '\udc00\ud800'],
    ['a high surrogate before an ordinary letter', 'x\ud83dy'],
  ])('names a string holding %s', (_name, text) => {
    expect(findUnstorableText({ report: { excerpt: text } })).toMatchObject({ field: 'report.excerpt', problem: expect.stringContaining('surrogate') });
  });

  it('finds nothing in clean input, hostile or not, emoji and Vietnamese included', () => {
    expect(findUnstorableText({ a: "<script>'; DROP TABLE x; --", b: ['\u202Eabc', 42, null, true], c: { d: undefined }, e: 'Lũ lụt 🌊 ở Lệ Thủy' })).toBeNull();
  });
});

describe('createRpcValidationPipe', () => {
  const pipe = createRpcValidationPipe();
  const metadata = { type: 'body' as const, metatype: Request };

  it('refuses a NUL character with BAD_USER_INPUT and the field', async () => {
    const refusal = await pipe.transform({ text: 'a\u0000b' }, metadata).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ code: ErrorCodes.BAD_USER_INPUT, field: 'text' });
  });

  it('refuses an unpaired surrogate with BAD_USER_INPUT and the field', async () => {
    await expect(pipe.transform({ text: 'Tin giả \ud800' }, metadata)).rejects.toMatchObject({ code: ErrorCodes.BAD_USER_INPUT, field: 'text' });
  });

  it('still validates against the contract class', async () => {
    await expect(pipe.transform({ text: 'fine' }, metadata)).resolves.toEqual({ text: 'fine' });
    await expect(pipe.transform({ text: 7 }, metadata)).rejects.toMatchObject({ code: ErrorCodes.BAD_USER_INPUT, field: 'text' });
  });
});
