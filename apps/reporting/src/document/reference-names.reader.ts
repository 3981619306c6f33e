import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { ServiceCredential } from '@phoi-hop/auth';
import { RpcSubjects, type ReferenceDataDto } from '@phoi-hop/contracts';
import { RpcClient } from '@phoi-hop/messaging';
import { DIGEST_SERVICE_CREDENTIAL } from '../digest/digest.ports';
import { NO_NAMES, type ReferenceNames } from './statistics-tables';

/**
 * The names documents print for categories, localities, agencies and legal provisions, from the directory's
 * reference data. A document is still rendered (with codes) when the directory does not answer.
 */
@Injectable()
export class ReferenceNamesReader {
  private readonly logger = new Logger(ReferenceNamesReader.name);

  constructor(
    private readonly rpc: RpcClient,
    @Optional() @Inject(DIGEST_SERVICE_CREDENTIAL) private readonly credential?: ServiceCredential,
  ) {}

  /**
   * Asked with the caller's token, or with the reporting service's own (`asService`) for what is
   * rendered for nobody in particular (the public transparency report).
   */
  async names(options: { asService?: boolean } = {}): Promise<ReferenceNames> {
    try {
      const token = options.asService && this.credential ? await this.credential.token() : undefined;
      const data = await this.rpc.request<ReferenceDataDto>(RpcSubjects.directory.referenceData, {}, token ? { token } : {});
      const byCode = (rows: readonly { code: string; name: string }[]) => Object.fromEntries(rows.map((r) => [r.code, r.name]));
      const provisions = Object.fromEntries(data.categories.flatMap((c) => (c.legalBases ?? []).map((p) => [p.code, p.citation] as const)));
      return { categories: byCode(data.categories), localities: byCode(data.localities), agencies: byCode(data.agencies), provisions };
    } catch (error) {
      this.logger.warn(`Reference names unavailable, documents show codes: ${String((error as Error)?.message ?? error)}`);
      return NO_NAMES;
    }
  }
}
