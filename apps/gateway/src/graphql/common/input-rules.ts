import { getMetadataStorage } from 'class-validator';
import { getNamedType, isInputObjectType, isListType, isNonNullType, type GraphQLInputType, type GraphQLSchema } from 'graphql';
import * as Contracts from '@phoi-hop/contracts';

/** A contract class of libs/contracts: the validated payload a service receives. */
type Contract = abstract new () => object;

interface InputContract {
  contract: Contract;
  /** GraphQL field or argument name → the contract's property, where they differ. */
  renames?: Readonly<Record<string, string>>;
}

/**
 * Which contract validates each GraphQL input type and the arguments of each root field: the
 * rules a client must know (lengths, ranges, list sizes) are read from the contract's own
 * decorators, so the schema states what the services enforce and cannot drift from it.
 */
export const INPUT_CONTRACTS: Readonly<Record<string, InputContract>> = {
  AddContentIndicatorInput: { contract: Contracts.AddContentIndicatorRequest },
  AddDigestFeedInput: { contract: Contracts.AddDigestFeedRequest },
  AddTextExcerptInput: { contract: Contracts.AddTextExcerptRequest },
  AssessmentInput: { contract: Contracts.AssessmentInputDto },
  AttendanceInput: { contract: Contracts.AttendanceInputDto },
  CaptureWebPageInput: { contract: Contracts.CaptureWebPageRequest },
  CaseFilterInput: { contract: Contracts.CaseListRequest },
  ClaimReviewInput: { contract: Contracts.ClaimReviewFields },
  CompletePressComplaintInput: { contract: Contracts.CompleteComplaintRequest },
  CorrectPressStatementInput: { contract: Contracts.CorrectStatementRequest },
  CorrectionRequestFilterInput: { contract: Contracts.CorrectionListRequest },
  CreateApiKeyInput: { contract: Contracts.CreateApiKeyRequest },
  CreateNotificationSubscriptionInput: { contract: Contracts.CreateSubscriptionRequest },
  CreateUserInput: { contract: Contracts.CreateUserRequest },
  DailyDigestDocumentInput: { contract: Contracts.DigestDocumentLinkRequest },
  DecideCaseInput: { contract: Contracts.DecideCaseRequest },
  DecidePressAppealInput: { contract: Contracts.DecideAppealRequest },
  DisableDigestFeedInput: { contract: Contracts.DisableDigestFeedRequest },
  DissentInput: { contract: Contracts.DissentInputDto },
  DraftPressStatementInput: { contract: Contracts.DraftStatementRequest },
  EditPublicSourceInput: { contract: Contracts.EditPublicSourceRequest },
  EditReferenceInput: { contract: Contracts.EditReferenceRequest, renames: { recordJson: 'record' } },
  ExportEvidencePackageInput: { contract: Contracts.ExportPackageRequest },
  FilePressComplaintInput: { contract: Contracts.FileComplaintRequest },
  FocalPointInput: { contract: Contracts.FocalPointSetRequest },
  HandOverEvidencePackageInput: { contract: Contracts.HandOverPackageRequest },
  HandlingActionInput: { contract: Contracts.HandlingActionInputDto },
  IssuePressRulingInput: { contract: Contracts.IssueRulingRequest },
  LegalHoldInput: { contract: Contracts.LegalHoldRequest },
  LodgePressAppealInput: { contract: Contracts.LodgeAppealRequest },
  NewAgencyInputModel: { contract: Contracts.NewAgencyInput },
  OpenConsultationInput: { contract: Contracts.OpenConsultationRequest },
  OpinionAttachmentInput: { contract: Contracts.OpinionAttachmentDto },
  PressStatementFilterInput: { contract: Contracts.StatementListRequest },
  PublishCorrectionInput: { contract: Contracts.PublishCorrectionRequest },
  PublishPressStatementInput: { contract: Contracts.PublishStatementRequest },
  RecordMeetingInput: { contract: Contracts.RecordMeetingRequest },
  RefuseCorrectionInput: { contract: Contracts.RefuseCorrectionRequest },
  ReissuePressReplyLinkInput: { contract: Contracts.ReissueReplyLinkRequest },
  RemovalTargetInput: { contract: Contracts.RemovalTargetInputDto },
  RemoveContentIndicatorInput: { contract: Contracts.RemoveContentIndicatorRequest },
  ReorganizeAgenciesInput: { contract: Contracts.ReorganizeAgenciesRequest },
  ReplyToPressComplaintInput: { contract: Contracts.SubmitReplyRequest },
  ReportDigestItemInput: { contract: Contracts.ReportDigestItemRequest },
  RequestCorrectionInput: { contract: Contracts.RequestCorrectionRequest },
  RequestEvidenceUploadInput: { contract: Contracts.RequestUploadRequest },
  RequestPressReplyUploadInput: { contract: Contracts.RequestReplyUploadRequest },
  RequestPoliceReferralInput: { contract: Contracts.RequestPoliceReferralRequest },
  ResolveConsultationInput: { contract: Contracts.ResolveConsultationRequest },
  RoutingQuestionInput: { contract: Contracts.ExplainRoutingRequest },
  SetDigestKeywordsInput: { contract: Contracts.SetDigestKeywordsRequest },
  StatisticsInput: { contract: Contracts.StatisticsRequest },
  OpenReportPeriodInput: { contract: Contracts.OpenReportPeriodRequest },
  SaveReportSectionInput: { contract: Contracts.SaveReportSectionRequest },
  SubmitOpinionInput: { contract: Contracts.SubmitOpinionRequest },
  SubmitReportInput: { contract: Contracts.SubmitReportRequest },
  UpdateDigestFeedInput: { contract: Contracts.UpdateDigestFeedRequest },
  UpdateHandlingActionInput: { contract: Contracts.UpdateHandlingActionRequest },
  UpdatePoliceReferralInput: { contract: Contracts.UpdatePoliceReferralRequest },
  UpdatePressStatementDraftInput: { contract: Contracts.UpdateStatementDraftRequest },
  UpdateRemovalRequestInput: { contract: Contracts.UpdateRemovalRequestRequest },
  UpdateUserInput: { contract: Contracts.UpdateUserRequest },
  WithdrawPressStatementInput: { contract: Contracts.WithdrawStatementRequest },
  'Mutation.closeCase': { contract: Contracts.CaseTransitionRequest, renames: { outcome: 'reason' } },
  'Mutation.disableUser': { contract: Contracts.DisableUserRequest },
  'Mutation.dismissCase': { contract: Contracts.CaseTransitionRequest },
  'Mutation.mergeCases': { contract: Contracts.MergeCasesRequest },
  'Mutation.reopenCase': { contract: Contracts.CaseTransitionRequest },
  'Mutation.revokeApiKey': { contract: Contracts.RevokeApiKeyRequest },
  'Mutation.splitReport': { contract: Contracts.SplitReportRequest },
  'Mutation.triageCase': { contract: Contracts.CaseTransitionRequest },
  'Query.pressReplyAttachmentDownload': { contract: Contracts.ReplyAttachmentDownloadRequest },
};

const range = (min: number | undefined, max: number | undefined, unit: string): string | null => {
  const units = unit ? ` ${unit}` : '';
  if (min !== undefined && max !== undefined) return `${min}–${max}${units}`;
  if (min !== undefined) return `at least ${min}${units}`;
  if (max !== undefined) return `at most ${max}${units}`;
  return null;
};

/**
 * The rules of one property of a contract as a client reads them, e.g. "2–200 characters",
 * "1–200", "at most 20 items, each at most 2048 characters"; null when it has none of these.
 */
export function ruleText(contract: Contract, property: string, type?: GraphQLInputType): string | null {
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(contract as unknown as new () => object, '', true, false)
    .filter((m) => m.propertyName === property);
  const find = (name: string, each: boolean) => metadata.find((m) => m.name === name && Boolean(m.each) === each)?.constraints as number[] | undefined;
  const length = (each: boolean) => {
    const both = find('isLength', each);
    return range(both?.[0] ?? find('minLength', each)?.[0], both?.[1] ?? find('maxLength', each)?.[0], 'characters');
  };
  // Lengths are said of text only: a DateTime's or an enum's bound is the scalar's business, not the client's.
  const named = type ? getNamedType(type).name : 'String';
  const text = named === 'String' || named === 'ID';
  const number = named === 'Int' || named === 'Float';
  const list = !type || isListType(isNonNullType(type) ? type.ofType : type);
  const parts = [
    list ? range(find('arrayMinSize', false)?.[0], find('arrayMaxSize', false)?.[0], 'items') : null,
    text ? length(false) : null,
    number ? range(find('min', false)?.[0], find('max', false)?.[0], '') : null,
  ].filter((part): part is string => part !== null);
  const each = text ? length(true) : number ? range(find('min', true)?.[0], find('max', true)?.[0], '') : null;
  if (each) parts.push(`each ${each}`);
  return parts.length ? parts.join(', ') : null;
}

function withRule(description: string | null | undefined, rule: string | null): string | null | undefined {
  if (!rule) return description;
  const sentence = `Rules: ${rule}.`;
  if (description?.includes(sentence)) return description;
  return description ? `${description.replace(/\.?$/, '.')} ${sentence}` : sentence;
}

/** Ends the description of every contract-checked input field and argument with its rules (`Rules: 2–200 characters.`). */
export function withInputRuleDescriptions(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    const entry = INPUT_CONTRACTS[type.name];
    if (!entry || !isInputObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      field.description = withRule(field.description, ruleText(entry.contract, entry.renames?.[field.name] ?? field.name, field.type));
    }
  }
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      const entry = INPUT_CONTRACTS[`${root!.name}.${field.name}`];
      if (!entry) continue;
      for (const arg of field.args) arg.description = withRule(arg.description, ruleText(entry.contract, entry.renames?.[arg.name] ?? arg.name, arg.type));
    }
  }
  return schema;
}
