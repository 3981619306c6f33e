import { CONSULTATION_MUTATIONS } from './mutation-input/consultation.cases';
import { DIGEST_MUTATIONS } from './mutation-input/digest.cases';
import { DIRECTORY_MUTATIONS } from './mutation-input/directory.cases';
import { EVIDENCE_MUTATIONS } from './mutation-input/evidence.cases';
import { describeMutationInputs } from './mutation-input/harness';
import { INTAKE_MUTATIONS } from './mutation-input/intake.cases';
import { NOTIFICATION_MUTATIONS } from './mutation-input/notification.cases';
import { PRESS_MUTATIONS } from './mutation-input/press.cases';
import { PRESS_STATEMENT_MUTATIONS } from './mutation-input/press-statements.cases';
import { REPORTS_MUTATIONS } from './mutation-input/reports.cases';

/**
 * Every mutation of the schema refuses bad input and illegal transitions with a stable code and
 * changes nothing, and stores hostile free text verbatim. The cases live with their service in
 * ./mutation-input/*.cases.ts; a new mutation needs an entry there (the first test fails without one).
 */
describeMutationInputs({
  ...INTAKE_MUTATIONS,
  ...DIRECTORY_MUTATIONS,
  ...CONSULTATION_MUTATIONS,
  ...NOTIFICATION_MUTATIONS,
  ...EVIDENCE_MUTATIONS,
  ...PRESS_MUTATIONS,
  ...PRESS_STATEMENT_MUTATIONS,
  ...DIGEST_MUTATIONS,
  ...REPORTS_MUTATIONS,
});
