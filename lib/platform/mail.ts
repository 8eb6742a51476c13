// Mail from the site, over SMTP when SMTP_URL is set. Without it nothing is sent and callers
// are told so (sendMail answers false), so each can say what happens instead.
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/platform/env";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

let transport: Transporter | undefined;

export function mailConfigured(): boolean {
  return Boolean(env.SMTP_URL);
}

function defaultFrom(): string {
  return `Crosscurrent <no-reply@${new URL(env.SITE_URL).hostname}>`;
}

/** Sends `message`; false when no SMTP_URL is configured. Delivery errors are thrown. */
export async function sendMail(message: MailMessage): Promise<boolean> {
  if (!env.SMTP_URL) return false;
  transport ??= nodemailer.createTransport(env.SMTP_URL);
  await transport.sendMail({ from: env.MAIL_FROM ?? defaultFrom(), ...message });
  return true;
}
