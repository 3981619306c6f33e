import { Injectable } from '@nestjs/common';
import { RpcSubjects, type AgencyDto } from '@phoi-hop/contracts';
import { RpcClient } from '@phoi-hop/messaging';

const TTL_MS = 60_000;

/**
 * The agency list (reference data, readable by every signed-in user), kept for a minute so that
 * naming the participants of a case costs no NATS round trip.
 */
@Injectable()
export class AgencyCache {
  private agencies: Map<string, AgencyDto> | null = null;
  private loadedAt = 0;
  private loading: Promise<Map<string, AgencyDto>> | null = null;

  constructor(private readonly rpc: RpcClient) {}

  async getMany(codes: readonly string[], token: string): Promise<Array<AgencyDto | null>> {
    let agencies = await this.current(token);
    // A code we do not know may be a new agency: look once more before answering null.
    if (codes.some((code) => !agencies.has(code)) && Date.now() - this.loadedAt > 1000) agencies = await this.reload(token);
    return codes.map((code) => agencies.get(code) ?? null);
  }

  private current(token: string): Promise<Map<string, AgencyDto>> {
    if (this.agencies && Date.now() - this.loadedAt < TTL_MS) return Promise.resolve(this.agencies);
    return this.reload(token);
  }

  private reload(token: string): Promise<Map<string, AgencyDto>> {
    this.loading ??= this.rpc
      .request<AgencyDto[]>(RpcSubjects.directory.agencyList, {}, { token })
      .then((rows) => {
        this.agencies = new Map(rows.map((row) => [row.code, row]));
        this.loadedAt = Date.now();
        return this.agencies;
      })
      .finally(() => (this.loading = null));
    return this.loading;
  }
}
