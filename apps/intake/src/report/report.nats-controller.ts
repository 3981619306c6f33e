import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RpcSubjects, SubmitReportRequest, type SubmitReportResponse, type Actor } from '@phoi-hop/contracts';
import { RpcActor } from '@phoi-hop/messaging';
import { ReportService } from './report.service';

@Controller()
export class ReportNatsController {
  constructor(private readonly reports: ReportService) {}

  // Đ4.1, Đ7.1: an agency notifies the lead agency of harmful content.
  @MessagePattern(RpcSubjects.intake.reportSubmit)
  submit(@RpcActor() actor: Actor, @Payload() request: SubmitReportRequest): Promise<SubmitReportResponse> {
    return this.reports.submit(actor, request);
  }
}
