import { Module } from '@nestjs/common';
import { CaseDataModule } from '../case/case-data.module';
import { CaseModule } from '../case/case.module';
import { RoutingModule } from '../routing/routing.module';
import { ReportBatchWriter } from './report-batch.writer';
import { ReportNatsController } from './report.nats-controller';
import { ReportService } from './report.service';

/** Reports (Đ4.1, Đ7.1): validated, matched to the case of the same content or opening one, written in batches. */
@Module({
  imports: [CaseDataModule, CaseModule, RoutingModule],
  controllers: [ReportNatsController],
  providers: [ReportBatchWriter, ReportService],
})
export class ReportModule {}
