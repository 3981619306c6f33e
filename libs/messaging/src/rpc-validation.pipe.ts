import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { DomainError, ErrorCodes } from '@phoi-hop/contracts';

function firstProblem(errors: ValidationError[], parent = ''): { field: string; message: string } {
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const message = error.constraints ? Object.values(error.constraints)[0] : undefined;
    if (message) return { field, message };
    if (error.children?.length) return firstProblem(error.children, field);
  }
  return { field: parent || 'input', message: 'Invalid input' };
}

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
 * Validates every RPC payload against its contract class (class-validator). Unknown properties are
 * refused, not silently dropped, so a wrong client learns about it; so is text with NUL characters.
 */
export function createRpcValidationPipe(): ValidationPipe {
  return new RpcValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors: ValidationError[]) => {
      const { field, message } = firstProblem(errors);
      return new DomainError(ErrorCodes.BAD_USER_INPUT, message, field);
    },
  });
}
