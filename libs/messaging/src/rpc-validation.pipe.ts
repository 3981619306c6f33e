import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { CONTRACT_VALIDATOR_OPTIONS, DomainError, ErrorCodes, firstContractProblem } from '@phoi-hop/contracts';

/**
 * The path (`plan.0.details`) of the first string in `value` that holds a NUL character, or null.
 * Postgres cannot store NUL in text or jsonb, so such input is refused up front instead of failing
 * inside a transaction.
 */
export function findNulCharacter(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || 'input' : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findNulCharacter(item, path ? `${path}.${i}` : String(i));
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = findNulCharacter(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

/** class-validator with the refusals every payload shares: NUL characters anywhere in it. */
class RpcValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const field = findNulCharacter(value);
    if (field) throw new DomainError(ErrorCodes.BAD_USER_INPUT, `${field} must not contain NUL characters`, field);
    return super.transform(value, metadata);
  }
}

/**
 * Validates every RPC payload against its contract class (class-validator, with the options of the
 * contracts' own `contractProblem`): unknown properties are refused, not silently dropped, so a
 * wrong client learns about it; so is text with NUL characters.
 */
export function createRpcValidationPipe(): ValidationPipe {
  return new RpcValidationPipe({
    ...CONTRACT_VALIDATOR_OPTIONS,
    transform: true,
    exceptionFactory: (errors: ValidationError[]) => {
      const { field, message } = firstContractProblem(errors);
      return new DomainError(ErrorCodes.BAD_USER_INPUT, message, field);
    },
  });
}
