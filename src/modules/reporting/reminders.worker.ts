// The reminder loop of a server process: plan what is due, deliver what is queued, every minute (REMINDER_INTERVAL_MS)
// and once at start, which is how reminders that fell due while the server was down go out after a restart. All
// state is in the database (see reminder in 0003_reporting.sql), so a second server process can run the same loop.
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../server/db';
import type { Mailer } from '../../server/mail';
import { deliverReminders, planReminders } from './reporting.service';

export function startReminderLoop(db: Db, mailer: Mailer | null, log: FastifyBaseLogger, intervalMs = Number(process.env.REMINDER_INTERVAL_MS ?? 60_000)): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = (async () => {
      try {
        const now = new Date();
        const queued = await planReminders(db, now);
        const delivered = await deliverReminders(db, mailer, now);
        if (queued || delivered.sent || delivered.failed) log.info({ queued, ...delivered, mail: !!mailer }, 'reminders');
      } catch (err) {
        log.error({ err }, 'reminder loop failed; next tick retries');
      } finally {
        running = null;
      }
    })();
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
