import { Inject, Injectable, Logger, Optional, type OnModuleInit } from '@nestjs/common';
import { HealthRegistry } from '@phoi-hop/observability';
import { SOFFICE_CANDIDATES, sofficePath } from './pdf.converter';

export const PDF_REQUIRED = Symbol('PDF_REQUIRED');
/** Where soffice is found; tests stand in a machine without it. */
export const SOFFICE_FINDER = Symbol('SOFFICE_FINDER');

/** What the process can do about PDFs, said once at start rather than at the first PDF request. */
export type PdfCapability = { available: true; soffice: string } | { available: false; message: string };

export function pdfCapability(find: () => string | null = sofficePath): PdfCapability {
  const soffice = find();
  if (soffice) return { available: true, soffice };
  return {
    available: false,
    message: `PDF dossiers and reports are unavailable: LibreOffice (soffice) is not installed (looked in ${SOFFICE_CANDIDATES.join(', ')}); build the image with deploy/system-packages.txt`,
  };
}

/**
 * Logs at start whether PDFs can be made here; with REPORTING_PDF_REQUIRED the readiness check
 * `pdf` fails too, so an image built without LibreOffice never takes traffic.
 */
@Injectable()
export class PdfCapabilityCheck implements OnModuleInit {
  private readonly logger = new Logger('PdfConversion');

  constructor(
    @Inject(PDF_REQUIRED) private readonly required: boolean,
    @Optional() private readonly health?: HealthRegistry,
    @Optional() @Inject(SOFFICE_FINDER) private readonly find: () => string | null = sofficePath,
  ) {}

  onModuleInit(): void {
    const capability = pdfCapability(this.find);
    if (capability.available) this.logger.log(`PDF conversion by LibreOffice headless at ${capability.soffice}`);
    else if (this.required) this.logger.error(`${capability.message}; REPORTING_PDF_REQUIRED is set, so this replica is not ready`);
    else this.logger.warn(capability.message);
    if (this.required)
      this.health?.register('pdf', async () => {
        const now = pdfCapability(this.find);
        if (!now.available) throw new Error(now.message);
      });
  }
}
