import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validate, type ValidationError, type ValidatorOptions } from 'class-validator';
import type { ValidationRule } from './error-codes';

/**
 * How every contract payload is validated (the services' RPC validation pipe uses the same):
 * unknown properties are refused, not silently dropped, so a wrong client learns about it.
 */
export const CONTRACT_VALIDATOR_OPTIONS: ValidatorOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  // The target (the object validated, never sent anywhere) lets a refusal name its rule's parameters.
  validationError: { target: true, value: false },
};

export interface ContractProblem {
  /** The path of the offending property, e.g. `actions.0.dueDate`. */
  field: string;
  message: string;
  /** The rule the value broke, with its parameters (`{ rule: 'minLength', min: 20 }`), so a client can say it in its own language. */
  rule?: ValidationRule;
}

/** The parameters a client needs to state each rule, from the decorator's constraints. */
const RULE_PARAMETERS: Readonly<Record<string, (constraints: readonly unknown[]) => Omit<ValidationRule, 'rule'>>> = {
  minLength: ([min]) => ({ min: Number(min) }),
  maxLength: ([max]) => ({ max: Number(max) }),
  isLength: ([min, max]) => ({ min: Number(min), ...(max === undefined ? {} : { max: Number(max) }) }),
  min: ([min]) => ({ min: Number(min) }),
  max: ([max]) => ({ max: Number(max) }),
  arrayMinSize: ([min]) => ({ min: Number(min) }),
  arrayMaxSize: ([max]) => ({ max: Number(max) }),
  isIn: ([values]) => ({ values: (values as readonly (string | number)[]).map(String) }),
  isEnum: ([entity]) => ({ values: Object.values(entity as object).map(String) }),
};

/** The rule `error` broke first, with its parameters when the rule has any. */
function ruleOf(error: ValidationError, name: string): ValidationRule {
  const target = error.target?.constructor;
  const metadata = target
    ? getMetadataStorage()
        .getTargetValidationMetadatas(target, '', true, false)
        .find((m) => m.propertyName === error.property && (m.name === name || m.type === name))
    : undefined;
  const parameters = RULE_PARAMETERS[name];
  return { rule: name, ...(metadata && parameters ? parameters(metadata.constraints ?? []) : {}) };
}

/** The first problem of class-validator's errors, with the path of its property and the rule it broke. */
export function firstContractProblem(errors: ValidationError[], parent = ''): ContractProblem {
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const [name, message] = error.constraints ? (Object.entries(error.constraints)[0] ?? []) : [];
    if (name && message) return { field, message, rule: ruleOf(error, name) };
    if (error.children?.length) return firstContractProblem(error.children, field);
  }
  return { field: parent || 'input', message: 'Invalid input' };
}

/** What is wrong with `input` as a `contract` payload (the first problem), or null when it is valid. */
export async function contractProblem<T extends object>(contract: new () => T, input: unknown): Promise<ContractProblem | null> {
  const errors = await validate(plainToInstance(contract, input) as object, CONTRACT_VALIDATOR_OPTIONS);
  return errors.length ? firstContractProblem(errors) : null;
}
