export const SUBMIT_REPORT = /* GraphQL */ `
  mutation Submit($input: SubmitReportInput!) {
    submitReport(input: $input) {
      merged
      report { id canonicalUrl }
      case {
        id number status categoryCode severity openedAt reportCount
        reports(first: 100) { totalCount edges { node { id reporterAgencyCode } } }
        participants { agency { code name } role basis }
        possibleDuplicates { caseId number similarity }
      }
    }
  }
`;

export const GET_CASE = /* GraphQL */ `
  query Case($id: ID!) {
    case(id: $id) { id number reportCount participants { agency { code } role basis } }
  }
`;

export const LIST_CASES = /* GraphQL */ `
  query Cases($first: Int, $after: String) {
    cases(first: $first, after: $after) { edges { cursor node { id number } } pageInfo { hasNextPage endCursor } }
  }
`;

export const CASE_EVENTS = /* GraphQL */ `
  subscription { caseEvents { id type caseId caseNumber case { id number participants { agency { code } role } } report { id } } }
`;
