/**
 * How Quorum sends email: through the SMTP server in the configuration, or, when none is configured (a laptop, a
 * first install), by writing the message to the log so an administrator can still pass a reset link on.
 */
import nodemailer from 'nodemailer';
import type { Config } from '../../config.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

export interface MailLog {
  info(object: object, message: string): void;
}

export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom'>, log: MailLog): Mailer {
  const from = config.mailFrom ?? 'Quorum <quorum@localhost>';
  if (!config.smtpUrl) {
    return {
      async send(mail) {
        log.info({ to: mail.to, subject: mail.subject, text: mail.text }, 'email not sent (no QUORUM_SMTP_URL): written to the log instead');
      },
    };
  }
  const transport = nodemailer.createTransport(config.smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}
