import { Logger } from '@nestjs/common';
import nodemailer, { type Mail } from 'nodemailer';
import type { NotificationPayload } from '@phoi-hop/contracts';
import { emailSubject, emailText } from './notification-content';

export interface SendResult {
  ok: boolean;
  statusCode: number | null;
  error?: string;
}

/**
 * Sends notification e-mails through SMTP_URL; without one, renders them with nodemailer's JSON
 * transport and logs that they were not sent, so the platform runs with nothing configured.
 */
export class EmailSender {
  private readonly logger = new Logger('EmailSender');
  private readonly transport: Mail;
  private readonly dryRun: boolean;

  constructor(
    smtpUrl: string | null,
    private readonly from: string,
    timeoutMs: number,
  ) {
    this.dryRun = !smtpUrl;
    this.transport = smtpUrl
      ? nodemailer.createTransport({ url: smtpUrl, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs })
      : nodemailer.createTransport({ jsonTransport: true });
  }

  async send(to: string, payload: NotificationPayload): Promise<SendResult> {
    return this.sendMessage(to, emailSubject(payload), emailText(payload), { 'X-PhoiHop-Event-Id': payload.eventId }, payload.agencyCode);
  }

  /** One e-mail with its own subject and text (a service's message to a work address, e.g. a reply notice). */
  async sendMessage(to: string, subject: string, text: string, headers: Record<string, string>, forWhom = to.replace(/^.*@/, '@')): Promise<SendResult> {
    try {
      await this.transport.sendMail({ from: this.from, to, subject, text, headers });
      if (this.dryRun) this.logger.log(`SMTP_URL is not set: e-mail "${subject}" for ${forWhom} rendered, not sent`);
      return { ok: true, statusCode: null };
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      return { ok: false, statusCode: typeof code === 'number' ? code : null, error: `SMTP: ${String((error as Error)?.message ?? error)}` };
    }
  }

  close(): void {
    this.transport.close();
  }
}
