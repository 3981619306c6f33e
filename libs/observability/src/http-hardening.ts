import type { INestApplication } from '@nestjs/common';
import helmet from 'helmet';

/**
 * The response headers of a JSON API: no `X-Powered-By` (it names the framework to attackers), and
 * helmet's headers with a content security policy that lets a response load nothing and be framed
 * by no page (a JSON API serves no HTML, scripts or styles).
 */
export const jsonApiHelmet = () =>
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
    },
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });

export function hardenHttp(app: INestApplication): void {
  const http = app.getHttpAdapter().getInstance() as { disable?: (setting: string) => void };
  http.disable?.('x-powered-by');
  app.use(jsonApiHelmet());
}
