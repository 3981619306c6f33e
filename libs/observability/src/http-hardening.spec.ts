import { Controller, Get, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { hardenHttp } from './http-hardening';

@Controller()
class PingController {
  @Get('ping')
  ping() {
    return { ok: true };
  }
}

@Module({ controllers: [PingController] })
class SpecModule {}

describe(hardenHttp.name, () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await NestFactory.create(SpecModule, { logger: false });
    hardenHttp(app);
    await app.listen(0, '127.0.0.1');
  });

  afterAll(() => app?.close());

  it('sends no X-Powered-By and the security headers of a JSON API', async () => {
    const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const response = await fetch(`${url}/ping`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });
});
