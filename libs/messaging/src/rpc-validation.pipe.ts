import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ErrorCodes } from '@phoi-hop/contracts';
import { DomainError } from './rpc.errors';

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
 * Validates every RPC payload against its contract class (class-validator). Unknown properties are
 * refused, not silently dropped, so a wrong client learns about it.
 */
export function createRpcValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
