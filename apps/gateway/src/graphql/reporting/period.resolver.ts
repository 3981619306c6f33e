import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  RpcSubjects,
  type ReportDocumentFormat,
  type ReportPeriodDto,
  type ReportPeriodStatus,
  type RenderedDocumentDto,
  type StatementOfReasonsDto,
  type TransparencyReportDto,
} from '@phoi-hop/contracts';
import { RpcClient } from '@phoi-hop/messaging';
import { InternalToken } from '../common/caller.decorators';
import { toRpcPayload } from '../common/rpc-payload';
import { DateScalar } from '../common/scalars';
import { ReportDocumentFormatEnum, ReportPeriodStatusEnum } from './period.enums';
import { OpenReportPeriodInput, SaveReportSectionInput } from './period.input';
import { RenderedDocumentModel, ReportPeriodModel } from './period.model';
import { StatementOfReasonsModel, TransparencyReportModel, toStatementModel, toTransparencyModel } from './transparency.model';

/** Documents take LibreOffice a few seconds for a PDF. */
const DOCUMENT_RPC_MS = 120_000;

@Resolver(() => ReportPeriodModel)
export class PeriodResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Query(() => [ReportPeriodModel], {
    description: 'Report periods, newest first: all of them for the lead agency, leaders and auditors; an agency’s own otherwise',
  })
  reportPeriods(
    @InternalToken() token: string,
    @Args('status', { type: () => ReportPeriodStatusEnum, nullable: true }) status?: ReportPeriodStatus,
  ): Promise<ReportPeriodDto[]> {
    return this.rpc.request<ReportPeriodDto[]>(RpcSubjects.reporting.periodList, status ? { status } : {}, { token });
  }

  @Query(() => ReportPeriodModel, { description: 'A report period with the sections the viewer may see' })
  reportPeriod(@Args('id', { type: () => ID }) id: string, @InternalToken() token: string): Promise<ReportPeriodDto> {
    return this.rpc.request<ReportPeriodDto>(RpcSubjects.reporting.periodGet, { id }, { token });
  }

  @Mutation(() => ReportPeriodModel, { description: 'Open a report period (lead agency COORDINATOR, Đ7.4)' })
  openReportPeriod(@Args('input') input: OpenReportPeriodInput, @InternalToken() token: string): Promise<ReportPeriodDto> {
    return this.rpc.request<ReportPeriodDto>(RpcSubjects.reporting.periodOpen, toRpcPayload(input), { token });
  }

  @Mutation(() => ReportPeriodModel, { description: 'Save the viewer’s agency’s section as a draft or submit it (Đ7.3)' })
  saveReportSection(@Args('input') input: SaveReportSectionInput, @InternalToken() token: string): Promise<ReportPeriodDto> {
    return this.rpc.request<ReportPeriodDto>(RpcSubjects.reporting.sectionSave, toRpcPayload(input), { token });
  }

  @Mutation(() => ReportPeriodModel, { description: 'Close a report period when the consolidated report is issued (lead agency COORDINATOR)' })
  closeReportPeriod(@Args('periodId', { type: () => ID }) periodId: string, @InternalToken() token: string): Promise<ReportPeriodDto> {
    return this.rpc.request<ReportPeriodDto>(RpcSubjects.reporting.periodClose, { periodId }, { token });
  }

  @Query(() => RenderedDocumentModel, { description: 'The consolidated report (DOCX, PDF in the Decree 30 layout) or its statistics annex (XLSX, CSV)' })
  reportPeriodDocument(
    @Args('periodId', { type: () => ID }) periodId: string,
    @Args('format', { type: () => ReportDocumentFormatEnum }) format: ReportDocumentFormat,
    @InternalToken() token: string,
  ): Promise<RenderedDocumentDto> {
    return this.rpc.request<RenderedDocumentDto>(RpcSubjects.reporting.periodDocument, { periodId, format }, { token, timeoutMs: DOCUMENT_RPC_MS });
  }

  @Query(() => RenderedDocumentModel, { description: 'A case’s dossier (DOCX or PDF): what the viewer may see of the case, restricted parts left out' })
  caseDossier(
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('format', { type: () => ReportDocumentFormatEnum }) format: ReportDocumentFormat,
    @InternalToken() token: string,
  ): Promise<RenderedDocumentDto> {
    return this.rpc.request<RenderedDocumentDto>(RpcSubjects.reporting.dossierDocument, { caseId, format }, { token, timeoutMs: DOCUMENT_RPC_MS });
  }

  @Query(() => [StatementOfReasonsModel], { description: 'A case’s decisions as statements of reasons shaped like the EU DSA transparency database’s' })
  async statementsOfReasons(
    @Args('caseId', { type: () => ID }) caseId: string,
    @InternalToken() token: string,
    @Args('decisionId', { type: () => ID, nullable: true }) decisionId?: string,
  ): Promise<StatementOfReasonsModel[]> {
    const statements = await this.rpc.request<StatementOfReasonsDto[]>(
      RpcSubjects.reporting.statementOfReasons,
      { caseId, ...(decisionId ? { decisionId } : {}) },
      { token },
    );
    return statements.map(toStatementModel);
  }

  @Query(() => TransparencyReportModel, { description: 'The public transparency report of a period (also served as a page at /transparency)' })
  async transparencyReport(
    @Args('from', { type: () => DateScalar }) from: string,
    @Args('to', { type: () => DateScalar }) to: string,
    @InternalToken() token: string,
  ): Promise<TransparencyReportModel> {
    return toTransparencyModel(await this.rpc.request<TransparencyReportDto>(RpcSubjects.reporting.transparencyReport, { from, to }, { token }));
  }
}
