import { Logger } from '@nestjs/common';
import { HealthRegistry } from '@phoi-hop/observability';
import { PdfCapabilityCheck, pdfCapability } from './pdf-capability';

describe(PdfCapabilityCheck.name, () => {
  const missing = () => null;
  const present = () => '/usr/bin/soffice';
  let warn: jest.SpyInstance;
  let error: jest.SpyInstance;
  let log: jest.SpyInstance;

  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('says at start that PDFs are unavailable when soffice is missing, and stays ready when PDFs are not required', async () => {
    const health = new HealthRegistry();
    new PdfCapabilityCheck(false, health, missing).onModuleInit();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/PDF dossiers and reports are unavailable: LibreOffice \(soffice\) is not installed/));
    expect(await health.run()).toEqual({ ok: true, checks: {} });
  });

  it('fails readiness with the reason when PDFs are required and soffice is missing', async () => {
    const health = new HealthRegistry();
    new PdfCapabilityCheck(true, health, missing).onModuleInit();
    expect(error).toHaveBeenCalledWith(expect.stringContaining('REPORTING_PDF_REQUIRED'));
    const report = await health.run();
    expect(report.ok).toBe(false);
    expect(report.checks['pdf']).toMatch(/^failed: PDF dossiers and reports are unavailable/);
  });

  it('logs where LibreOffice is and passes readiness when it is there', async () => {
    const health = new HealthRegistry();
    new PdfCapabilityCheck(true, health, present).onModuleInit();
    expect(log).toHaveBeenCalledWith('PDF conversion by LibreOffice headless at /usr/bin/soffice');
    expect(warn).not.toHaveBeenCalled();
    expect(await health.run()).toEqual({ ok: true, checks: { pdf: 'ok' } });
  });

  it('names the places it looked in', () => {
    expect(pdfCapability(missing)).toEqual({ available: false, message: expect.stringContaining('/usr/bin/soffice') });
    expect(pdfCapability(present)).toEqual({ available: true, soffice: '/usr/bin/soffice' });
  });
});
