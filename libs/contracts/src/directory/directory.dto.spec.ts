import { contractProblem } from '../common/contract-validation';
import { FocalPointSetRequest, ReorganizeAgenciesRequest, RouteCaseRequest } from './directory.dto';
import { CreateApiKeyRequest, CreateUserRequest, DisableUserRequest } from './identity.dto';

describe('directory contracts', () => {
  it.each<[string, new () => object, Record<string, unknown>]>([
    ['a route request', RouteCaseRequest, { categoryCode: 'FALSE_INFO_PANIC', localityCode: 'LE_THUY', text: 'Tin đồn' }],
    [
      'a reorganisation',
      ReorganizeAgenciesRequest,
      {
        effectiveDate: '2026-12-01',
        retire: ['SNNPTNT', 'STNMT'],
        successorCode: 'SNNMT',
        newSuccessor: { name: 'Sở Nông nghiệp và Môi trường', kind: 'DEPARTMENT' },
        reason: 'Hợp nhất sở',
      },
    ],
    [
      'a focal point',
      FocalPointSetRequest,
      { agencyCode: 'SYT', displayName: 'Lê Thị C', title: 'Phó Giám đốc Sở', workEmail: 'c@syt.gov.vn', workPhone: '0232 3822 111' },
    ],
    ['a user', CreateUserRequest, { username: 'can.bo.1', displayName: 'Hoàng Văn G', agencyCode: 'CA', roles: ['OFFICER'] }],
    ['an API key', CreateApiKeyRequest, { agencyCode: 'SYT', name: 'Hệ thống giám sát', scopes: ['submitReport'] }],
  ])('accepts %s', async (_name, contract, input) => {
    expect(await contractProblem(contract, input)).toBeNull();
  });

  it.each<[new () => object, Record<string, unknown>, string]>([
    [RouteCaseRequest, { categoryCode: 'false_info' }, 'categoryCode'],
    [ReorganizeAgenciesRequest, { effectiveDate: '01/12/2026', retire: ['SYT'], successorCode: 'STTTT', reason: 'Hợp nhất' }, 'effectiveDate'],
    [ReorganizeAgenciesRequest, { effectiveDate: '2026-12-01', retire: [], successorCode: 'STTTT', reason: 'Hợp nhất' }, 'retire'],
    [ReorganizeAgenciesRequest, { effectiveDate: '2026-12-01', retire: ['SYT'], successorCode: 'STTTT', reason: 'x' }, 'reason'],
    [FocalPointSetRequest, { agencyCode: 'SYT', displayName: 'Lê Thị C', title: 'Phó Giám đốc', workEmail: 'not-an-email' }, 'workEmail'],
    [FocalPointSetRequest, { agencyCode: 'SYT', displayName: 'Lê Thị C', title: 'Phó Giám đốc', workPhone: 'gọi tôi' }, 'workPhone'],
    [CreateUserRequest, { username: 'Nguyễn Văn A', displayName: 'Nguyễn Văn A', agencyCode: 'CA', roles: ['OFFICER'] }, 'username'],
    [CreateUserRequest, { username: 'nva', displayName: 'Nguyễn Văn A', agencyCode: 'CA', roles: ['SUPERUSER'] }, 'roles'],
    [CreateUserRequest, { username: 'nva', displayName: 'Nguyễn Văn A', agencyCode: 'CA', roles: [] }, 'roles'],
    [DisableUserRequest, { username: 'nva', reason: 'x' }, 'reason'],
    [CreateApiKeyRequest, { agencyCode: 'SYT', name: 'Khóa', scopes: [] }, 'scopes'],
  ])('refuses %p %j', async (contract, input, field) => {
    expect(await contractProblem(contract, input)).toMatchObject({ field });
  });
});
