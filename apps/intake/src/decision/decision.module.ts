import { Module } from '@nestjs/common';
import { CaseDataModule } from '../case/case-data.module';
import { DeadlineModule } from '../deadline/deadline.module';
import { CaseDecisionService } from './case-decision.service';
import { DecisionNatsController } from './decision.nats-controller';
import { DecisionRepository } from './decision.repository';
import { HandlingActionService } from './handling-action.service';

/** Decisions with their statement of reasons and the handling actions they assign (Đ5, Đ6, Đ7.2). */
@Module({
  imports: [CaseDataModule, DeadlineModule],
  controllers: [DecisionNatsController],
  providers: [CaseDecisionService, DecisionRepository, HandlingActionService],
  // The case keeps the plan a consultation agreed, for a decision to take up.
  exports: [DecisionRepository],
})
export class DecisionModule {}
