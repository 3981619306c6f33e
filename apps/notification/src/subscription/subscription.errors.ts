import { DomainError, ErrorCodes } from '@phoi-hop/contracts';

export class NotificationError extends DomainError {
  static notFound(what: 'Subscription' | 'Delivery'): NotificationError {
    // The same answer whether it does not exist or belongs to another agency.
    return new NotificationError(ErrorCodes.NOT_FOUND, `${what} not found`, 'id');
  }

  static badInput(field: string, message: string): NotificationError {
    return new NotificationError(ErrorCodes.BAD_USER_INPUT, message, field);
  }

  static forbidden(message: string, field?: string): NotificationError {
    return new NotificationError(ErrorCodes.FORBIDDEN, message, field);
  }

  static invalidState(message: string): NotificationError {
    return new NotificationError(ErrorCodes.INVALID_STATE, message, 'status');
  }
}
