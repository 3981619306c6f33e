import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  OpenReportPeriodRequest,
  ReportPeriodCloseRequest,
  ReportPeriodDocumentRequest,
  ReportPeriodGetRequest,
  ReportPeriodListRequest,
  RpcSubjects,
  SaveReportSectionRequest,
  type Actor,
  type RenderedDocumentDto,
  type ReportPeriodDto,
} from '@phoi-hop/contracts';
import { RpcActor } from '@phoi-hop/messaging';
import { PeriodDocumentService } from './period-document.service';
import { PeriodService } from './period.service';

@Controller()
export class PeriodNatsController {
  constructor(
    private readonly periods: PeriodService,
    private readonly documents: PeriodDocumentService,
  ) {}

  // Đ7.4: the lead agency opens a six-monthly, annual or ad hoc report period.
  @MessagePattern(RpcSubjects.reporting.periodOpen)
  open(@RpcActor() actor: Actor, @Payload() request: OpenReportPeriodRequest): Promise<ReportPeriodDto> {
    return this.periods.open(actor, request);
  }

  @MessagePattern(RpcSubjects.reporting.periodGet)
  get(@RpcActor() actor: Actor, @Payload() request: ReportPeriodGetRequest): Promise<ReportPeriodDto> {
    return this.periods.get(actor, request.id);
  }

  @MessagePattern(RpcSubjects.reporting.periodList)
  list(@RpcActor() actor: Actor, @Payload() request: ReportPeriodListRequest): Promise<ReportPeriodDto[]> {
    return this.periods.list(actor, request.status ?? null);
  }

  // Đ7.3: each agency's section: what was done, difficulties, proposals.
  @MessagePattern(RpcSubjects.reporting.sectionSave)
  saveSection(@RpcActor() actor: Actor, @Payload() request: SaveReportSectionRequest): Promise<ReportPeriodDto> {
    return this.periods.saveSection(actor, request);
  }

  @MessagePattern(RpcSubjects.reporting.periodClose)
  close(@RpcActor() actor: Actor, @Payload() request: ReportPeriodCloseRequest): Promise<ReportPeriodDto> {
    return this.periods.close(actor, request.periodId);
  }

  @MessagePattern(RpcSubjects.reporting.periodDocument)
  document(@RpcActor() actor: Actor, @Payload() request: ReportPeriodDocumentRequest): Promise<RenderedDocumentDto> {
    return this.documents.render(actor, request.periodId, request.format);
  }
}
