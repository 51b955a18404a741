import nodemailer from 'nodemailer';
import type { MailTransport } from './outbox.ts';

/** A transport over BATON_SMTP_URL (smtp://user:pass@host:587, smtps:// for implicit TLS). */
export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    async send(message) {
      await transporter.sendMail(message);
    },
    close() {
      transporter.close();
    },
  };
}
