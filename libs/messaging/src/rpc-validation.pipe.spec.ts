import { IsString } from 'class-validator';
import { DomainError, ErrorCodes } from '@phoi-hop/contracts';
import { createRpcValidationPipe, findNulCharacter } from './rpc-validation.pipe';

class Request {
  @IsString()
  text!: string;
}

describe('findNulCharacter', () => {
  it('names the first string holding a NUL, however deep', () => {
    expect(findNulCharacter({ a: 'ok', plan: [{ details: 'fine' }, { details: 'x\u0000y' }] })).toBe('plan.1.details');
    expect(findNulCharacter('\u0000')).toBe('input');
  });

  it('finds nothing in clean input, hostile or not', () => {
    expect(findNulCharacter({ a: "<script>'; DROP TABLE x; --", b: ['\u202Eabc', 42, null, true], c: { d: undefined } })).toBeNull();
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

  it('still validates against the contract class', async () => {
    await expect(pipe.transform({ text: 'fine' }, metadata)).resolves.toEqual({ text: 'fine' });
    await expect(pipe.transform({ text: 7 }, metadata)).rejects.toMatchObject({ code: ErrorCodes.BAD_USER_INPUT, field: 'text' });
  });
});
