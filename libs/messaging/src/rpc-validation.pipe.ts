import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { CONTRACT_VALIDATOR_OPTIONS, DomainError, ErrorCodes, firstContractProblem } from '@phoi-hop/contracts';

/** A high surrogate not followed by a low one, or a low one not preceded by a high one (code units, no `u` flag). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be stored as text, or null: NUL, or a UTF-16 surrogate without its pair. */
function unstorable(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain NUL characters';
  // A lone surrogate is valid JSON ("\ud800") but no Unicode character: Postgres refuses it in text and jsonb.
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode text (it holds an unpaired UTF-16 surrogate)';
  return null;
}

/**
 * The first string in `value` that cannot be stored as text, with its path (`plan.0.details`), or
 * null. Postgres cannot store NUL or a lone UTF-16 surrogate in text or jsonb, so every service
 * refuses such input up front, naming the field, instead of failing inside a transaction; the
 * text is never altered (a replacement character would change what an agency reported).
 */
export function findUnstorableText(value: unknown, path = ''): { field: string; problem: string } | null {
  if (typeof value === 'string') {
    const problem = unstorable(value);
    return problem ? { field: path || 'input', problem } : null;
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findUnstorableText(item, path ? `${path}.${i}` : String(i));
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = findUnstorableText(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

/** class-validator with the refusals every payload shares: text that cannot be stored, anywhere in it. */
class RpcValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const found = findUnstorableText(value);
    if (found) throw new DomainError(ErrorCodes.BAD_USER_INPUT, `${found.field} ${found.problem}`, found.field);
    return super.transform(value, metadata);
  }
}

/**
 * Validates every RPC payload against its contract class (class-validator, with the options of the
 * contracts' own `contractProblem`): unknown properties are refused, not silently dropped, so a
 * wrong client learns about it; so is text with NUL characters or unpaired surrogates.
 */
export function createRpcValidationPipe(): ValidationPipe {
  return new RpcValidationPipe({
    ...CONTRACT_VALIDATOR_OPTIONS,
    transform: true,
    exceptionFactory: (errors: ValidationError[]) => {
      const { field, message, rule } = firstContractProblem(errors);
      return new DomainError(ErrorCodes.BAD_USER_INPUT, message, field, rule);
    },
  });
}
