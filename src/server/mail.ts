// Outgoing mail over SMTP (nodemailer). Configured by SMTP_URL (smtp://user:pass@host:port, smtps://… for TLS) and
// MAIL_FROM; without SMTP_URL there is no mailer and notices stay in the application.
import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
  /** A stable Message-ID: a mail sent again after a crash carries the same one, so clients can fold the copies. */
  messageId: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export function createMailer(env: NodeJS.ProcessEnv = process.env): Mailer | null {
  const url = env.SMTP_URL;
  if (!url) return null;
  const from = env.MAIL_FROM ?? 'Dân Ý <no-reply@dany.local>';
  const transport = nodemailer.createTransport(url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 } as never);
  return {
    async send(m) {
      await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text, messageId: m.messageId });
    },
    close: () => transport.close(),
  };
}
