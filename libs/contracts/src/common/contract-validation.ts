import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError, type ValidatorOptions } from 'class-validator';

/**
 * How every contract payload is validated (the services' RPC validation pipe uses the same):
 * unknown properties are refused, not silently dropped, so a wrong client learns about it.
 */
export const CONTRACT_VALIDATOR_OPTIONS: ValidatorOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  validationError: { target: false, value: false },
};

export interface ContractProblem {
  /** The path of the offending property, e.g. `actions.0.dueDate`. */
  field: string;
  message: string;
}

/** The first problem of class-validator's errors, with the path of its property. */
export function firstContractProblem(errors: ValidationError[], parent = ''): ContractProblem {
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const message = error.constraints ? Object.values(error.constraints)[0] : undefined;
    if (message) return { field, message };
    if (error.children?.length) return firstContractProblem(error.children, field);
  }
  return { field: parent || 'input', message: 'Invalid input' };
}

/** What is wrong with `input` as a `contract` payload (the first problem), or null when it is valid. */
export async function contractProblem<T extends object>(contract: new () => T, input: unknown): Promise<ContractProblem | null> {
  const errors = await validate(plainToInstance(contract, input) as object, CONTRACT_VALIDATOR_OPTIONS);
  return errors.length ? firstContractProblem(errors) : null;
}
