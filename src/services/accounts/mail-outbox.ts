/**
 * Email sent after the answer, with retries. A request that sends email (a password reset link) must answer the same,
 * in the same time, whether or not there is anything to send and whether or not the mail relay is up: otherwise the
 * answer tells a stranger which addresses have accounts. So the work (looking the account up, issuing the link,
 * sending) is posted here and done in the background; a relay that fails is tried again after each delay, and what
 * still fails is logged. Closing waits for work in progress and drops the retries still waiting.
 */
import type { Mailer, OutgoingMail } from './mailer.ts';

export interface OutboxLog {
  error(object: object, message: string): void;
  warn(object: object, message: string): void;
}

export interface MailOutbox {
  /** Runs `prepare` in the background and sends what it returns (nothing, when it returns undefined). */
  post(prepare: () => Promise<OutgoingMail | undefined>): void;
  /** Waits for work in progress; retries not yet begun are dropped. */
  close(): Promise<void>;
}

export const DEFAULT_RETRY_DELAYS_MS = [2_000, 15_000, 60_000];

export function mailOutbox(mailer: Mailer, log: OutboxLog, retryDelaysMs: readonly number[] = DEFAULT_RETRY_DELAYS_MS): MailOutbox {
  const running = new Set<Promise<void>>();
  const closing = new AbortController();

  const pause = (ms: number) =>
    new Promise<boolean>((resolve) => {
      if (closing.signal.aborted) return resolve(false);
      const timer = setTimeout(() => resolve(true), ms);
      closing.signal.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          resolve(false);
        },
        { once: true },
      );
    });

  async function deliver(prepare: () => Promise<OutgoingMail | undefined>): Promise<void> {
    const mail = await prepare();
    if (!mail) return;
    for (let attempt = 0; ; attempt++) {
      try {
        await mailer.send(mail);
        return;
      } catch (error) {
        const delay = retryDelaysMs[attempt];
        if (delay === undefined) throw error;
        log.warn({ err: error, subject: mail.subject, attempt: attempt + 1 }, 'email not sent: trying again');
        if (!(await pause(delay))) throw new Error('Quorum stopped before the email could be sent', { cause: error });
      }
    }
  }

  return {
    post(prepare) {
      const work = deliver(prepare)
        .catch((error: unknown) => log.error({ err: error }, 'email not sent'))
        .finally(() => running.delete(work));
      running.add(work);
    },
    async close() {
      closing.abort();
      await Promise.allSettled([...running]);
    },
  };
}
