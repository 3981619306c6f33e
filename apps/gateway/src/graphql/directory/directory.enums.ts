import { AgencyKinds, type ReferenceKindCode, type Role } from '@phoi-hop/contracts';
import { labelledEnum } from '../common/labelled-enum';

export type AgencyKind = (typeof AgencyKinds)[number];

export const AgencyKindEnum = labelledEnum('AgencyKind', 'What kind of body an agency is');
export type AgencyKindEnum = AgencyKind;

export const RoleEnum = labelledEnum('Role', 'What a user or API client may do; the policy table says which operations each role may call');
export type RoleEnum = Role;

export const ReferenceKindEnum = labelledEnum('ReferenceKind', 'A kind of reference data, versioned by the day it takes effect');
export type ReferenceKindEnum = ReferenceKindCode;
