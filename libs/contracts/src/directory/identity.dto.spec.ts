import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { Roles } from '../common/actor';
import { ASSIGNABLE_ROLES, CreateUserRequest } from './identity.dto';

const messagesOf = (input: Record<string, unknown>) =>
  validateSync(plainToInstance(CreateUserRequest, input)).flatMap((error) => Object.values(error.constraints ?? {}));

describe('CreateUserRequest roles', () => {
  const user = { username: 'syt.staff', displayName: 'Cán bộ Sở Y tế', agencyCode: 'SYT' };

  it('offers in its error only the roles a person may be given, never API_CLIENT', () => {
    const [message] = messagesOf({ ...user, roles: ['NO_SUCH_ROLE'] });
    expect(message).toBe(`roles must be among ${ASSIGNABLE_ROLES.join(', ')}`);
    expect(message).not.toContain(Roles.API_CLIENT);
    expect(ASSIGNABLE_ROLES).toEqual(Object.values(Roles).filter((role) => role !== Roles.API_CLIENT));
  });

  it('accepts every assignable role', () => {
    expect(messagesOf({ ...user, roles: [...ASSIGNABLE_ROLES] })).toEqual([]);
  });
});
