import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** How often a key's last-used time is written at most (a busy client must not write on every call). */
const LAST_USED_RESOLUTION = '1 minute';

/** API key writes on the hot path of verification. */
@Injectable()
export class ApiKeyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Records that the key was used now, unless that was already recorded within the resolution. */
  async recordUse(keyId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE api_key SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '${LAST_USED_RESOLUTION}')`,
      [keyId],
    );
  }
}
