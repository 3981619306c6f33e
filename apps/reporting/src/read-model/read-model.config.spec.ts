import { reportingConfigFromEnv } from '../config/reporting.config';

const BASE = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/phoi_hop' };

describe('the read-model settings of reportingConfigFromEnv', () => {
  it('applies 1,000 events per transaction unless READ_MODEL_BATCH_SIZE says otherwise (1: one each)', () => {
    expect(reportingConfigFromEnv(BASE).readModelBatchSize).toBe(1000);
    expect(reportingConfigFromEnv({ ...BASE, READ_MODEL_BATCH_SIZE: '1' }).readModelBatchSize).toBe(1);
  });

  it.each(['0', '2001', '2.5', '-3'])('refuses READ_MODEL_BATCH_SIZE=%s, naming the setting', (value) => {
    expect(() => reportingConfigFromEnv({ ...BASE, READ_MODEL_BATCH_SIZE: value })).toThrow('READ_MODEL_BATCH_SIZE');
  });
});
