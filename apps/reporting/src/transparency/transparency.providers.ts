import type { Provider, Type } from '@nestjs/common';
import { StatementOfReasonsService } from './statement-of-reasons.service';
import { TransparencyHttpController } from './transparency.http-controller';
import { TransparencyNatsController } from './transparency.nats-controller';
import { TransparencyRepository } from './transparency.repository';
import { TransparencyService } from './transparency.service';

export const TRANSPARENCY_PROVIDERS: Provider[] = [TransparencyRepository, TransparencyService, StatementOfReasonsService];
export const TRANSPARENCY_CONTROLLERS: Type[] = [TransparencyNatsController, TransparencyHttpController];
