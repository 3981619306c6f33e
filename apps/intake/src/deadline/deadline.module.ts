import { Module } from '@nestjs/common';
import { CaseDataModule } from '../case/case-data.module';
import { CaseDeadlineRepository } from './case-deadline.repository';
import { CaseDeadlineScheduler } from './case-deadline.scheduler';
import { CaseDeadlines } from './case-deadlines';

/** Case deadlines (Đ3.2 "kịp thời"): written by the case and decision features, fired by the scheduler. */
@Module({
  imports: [CaseDataModule],
  providers: [CaseDeadlineRepository, CaseDeadlineScheduler, CaseDeadlines],
  exports: [CaseDeadlines],
})
export class DeadlineModule {}
