// The validated DTOs use decorators that need the Reflect metadata API wherever contracts load.
import 'reflect-metadata';
export * from './subjects';
export * from './common/error-codes';
export * from './common/actor';
export * from './common/codes';
export * from './common/event-envelope';
export * from './directory/directory.dto';
export * from './directory/identity.dto';
export * from './intake/intake.dto';
export * from './audit/audit.dto';
export * from './common/text';
export * from './decision/decision.dto';
export * from './consultation/consultation.dto';
export * from './common/province-day';
export * from './common/calendar-day';
export * from './notification/notification.dto';
export * from './common/page';
export * from './common/idempotency';
