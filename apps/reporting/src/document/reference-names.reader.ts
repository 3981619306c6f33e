import { Injectable, Logger } from '@nestjs/common';
import { RpcSubjects, type ReferenceDataDto } from '@phoi-hop/contracts';
import { RpcClient } from '@phoi-hop/messaging';
import { NO_NAMES, type ReferenceNames } from './statistics-tables';

/**
 * The names documents print for categories, localities and agencies, from the directory's
 * reference data. A document is still rendered (with codes) when the directory does not answer.
 */
@Injectable()
export class ReferenceNamesReader {
  private readonly logger = new Logger(ReferenceNamesReader.name);

  constructor(private readonly rpc: RpcClient) {}

  async names(): Promise<ReferenceNames> {
    try {
      const data = await this.rpc.request<ReferenceDataDto>(RpcSubjects.directory.referenceData, {});
      const byCode = (rows: readonly { code: string; name: string }[]) => Object.fromEntries(rows.map((r) => [r.code, r.name]));
      return { categories: byCode(data.categories), localities: byCode(data.localities), agencies: byCode(data.agencies) };
    } catch (error) {
      this.logger.warn(`Reference names unavailable, documents show codes: ${String((error as Error)?.message ?? error)}`);
      return NO_NAMES;
    }
  }
}
