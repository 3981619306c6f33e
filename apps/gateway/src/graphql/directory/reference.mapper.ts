import type { ReferenceRevisionDto } from '@phoi-hop/contracts';
import type { ReferenceRevisionModel } from './reference.model';

export function toReferenceRevisionModel(revision: ReferenceRevisionDto): ReferenceRevisionModel {
  return { ...revision, recordJson: revision.record ? JSON.stringify(revision.record) : null };
}
