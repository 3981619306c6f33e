import type { ReorganizeAgenciesRequest } from '@phoi-hop/contracts';

export interface AgencyRecord {
  code: string;
  validFrom: string | null;
  validTo: string | null;
  successorCode: string | null;
}

export type ReorganizationProblem = { field: string; message: string };

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function isRealDate(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

/**
 * Checks a reorganisation against the directory as it is and says what to write: every retired
 * agency must exist and still be valid on the effective date, the successor must exist (or be
 * described) and not be retired itself, and no successor chain may become a cycle.
 */
export function planReorganization(
  request: ReorganizeAgenciesRequest,
  agencies: Map<string, AgencyRecord>,
): { ok: true; retireOn: string; createSuccessor: boolean } | { ok: false; problem: ReorganizationProblem } {
  const fail = (field: string, message: string) => ({ ok: false as const, problem: { field, message } });
  if (!isRealDate(request.effectiveDate)) return fail('effectiveDate', 'effectiveDate is not a real date');
  const retire = [...new Set(request.retire)];
  if (retire.length !== request.retire.length) return fail('retire', 'retire lists an agency twice');
  if (retire.includes(request.successorCode)) return fail('successorCode', 'an agency cannot succeed itself');
  const retireOn = dayBefore(request.effectiveDate);
  for (const code of retire) {
    const agency = agencies.get(code);
    if (!agency) return fail('retire', `unknown agency ${code}`);
    if (agency.validTo && agency.validTo < request.effectiveDate) return fail('retire', `${code} was already retired on ${agency.validTo}`);
    if (agency.validFrom && agency.validFrom > retireOn) return fail('effectiveDate', `${code} only exists from ${agency.validFrom}`);
  }
  const successor = agencies.get(request.successorCode);
  if (successor && request.newSuccessor) return fail('newSuccessor', `${request.successorCode} exists already; leave newSuccessor out`);
  if (!successor && !request.newSuccessor) return fail('successorCode', `unknown agency ${request.successorCode}; describe it in newSuccessor to create it`);
  if (successor?.validTo && successor.validTo < request.effectiveDate)
    return fail('successorCode', `${request.successorCode} is retired from ${successor.validTo}`);
  if (request.newSuccessor?.parentCode && !agencies.has(request.newSuccessor.parentCode))
    return fail('newSuccessor.parentCode', `unknown agency ${request.newSuccessor.parentCode}`);
  // After the change, following successors from the successor must never come back to a retired agency.
  const seen = new Set<string>();
  for (let code: string | null = request.successorCode; code; code = agencies.get(code)?.successorCode ?? null) {
    if (retire.includes(code) || seen.has(code)) return fail('successorCode', `the successor chain of ${request.successorCode} leads back to ${code}`);
    seen.add(code);
  }
  return { ok: true, retireOn, createSuccessor: !successor };
}
