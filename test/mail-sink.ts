// A real SMTP server for tests (smtp-server, no TLS, no login) that keeps what each mail was sent to, its subject
// and Message-ID (parsed with mailparser): the reminder tests start one and point the mailer at it.
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  subject: string;
  messageId: string;
}

export interface MailSink {
  port: number;
  /** One entry per recipient of each mail received, in arrival order. */
  mails: ReceivedMail[];
  close(): Promise<void>;
}

export async function startMailSink(): Promise<MailSink> {
  const mails: ReceivedMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, done) {
      simpleParser(stream).then((m) => {
        for (const to of [m.to].flat()) for (const a of to?.value ?? []) mails.push({ to: a.address!, subject: m.subject ?? '', messageId: m.messageId ?? '' });
        done();
      }, done);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as { port: number }).port;
  return { port, mails, close: () => new Promise<void>((resolve) => smtp.close(() => resolve())) };
}
