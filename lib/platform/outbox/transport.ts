// The one SMTP transport, made from SMTP_URL on first use.
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/platform/env";

let transport: Transporter | undefined;

/** The relay's transport, or null when no SMTP_URL is configured. */
export function smtpTransport(): Transporter | null {
  if (!env.SMTP_URL) return null;
  // Bounded waits: a relay that hangs fails the attempt (and is retried) instead of holding it open.
  transport ??= nodemailer.createTransport({
    url: env.SMTP_URL,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return transport;
}
