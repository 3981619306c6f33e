import { Catch, Logger, type ArgumentsHost, type RpcExceptionFilter } from '@nestjs/common';
import { Observable, throwError } from 'rxjs';
import { ErrorCodes } from '@phoi-hop/contracts';
import { toRpcErrorBody } from './rpc.errors';

/**
 * The one place where anything thrown by an RPC handler becomes `{ code, message, field }` for the
 * caller. Unknown errors are logged here and reach the caller as INTERNAL without details.
 */
@Catch()
export class RpcErrorFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger('RpcErrorFilter');

  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    const body = toRpcErrorBody(exception);
    if (body.code === ErrorCodes.INTERNAL) {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    }
    return throwError(() => body);
  }
}
