import { createDirectoryTestbed, type DirectoryTestbed } from '../app/directory.medium-testbed';
import { ProvisionService } from './provision.nats-controller';

describe(ProvisionService.name, () => {
  let bed: DirectoryTestbed;
  let sut: ProvisionService;

  beforeAll(async () => {
    bed = await createDirectoryTestbed();
    sut = bed.get(ProvisionService);
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  it('resolve: gives the provisions of the taxonomy with their dates, once each, in the order asked', async () => {
    const provisions = await sut.resolve(['LANM_2025', 'ND15_2020_D101', 'LANM_2025']);
    expect(provisions.map((p) => p.code)).toEqual(['LANM_2025', 'ND15_2020_D101']);
    expect(provisions[1]).toMatchObject({ citation: expect.stringContaining('15/2020'), effectiveTo: null });
    // A provision no longer in force is still known (a decision decides whether it may ground an action).
    expect((await sut.resolve(['LANM_2018_D8_1D']))[0]!.effectiveTo).not.toBeNull();
  });

  it('resolve: refuses unknown provisions, naming them, as BAD_USER_INPUT on provisionCodes', async () => {
    await expect(sut.resolve(['ND15_2020_D101', 'NO_SUCH_LAW'])).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'provisionCodes',
      message: expect.stringContaining('NO_SUCH_LAW'),
    });
  });
});
