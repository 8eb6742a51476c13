// The From of the site's mail. Its address is MAIL_FROM (or no-reply at SITE_URL's host); its
// name is the site's title. lib/platform imports no domain, so the title is handed in by the
// start-up (instrumentation.ts calls lib/site's `nameMailAfterSite`). Kept on globalThis because
// Next bundles instrumentation apart from the routes that send mail.
import { env } from "@/lib/platform/env";

type NameSource = () => Promise<string>;
const holder = globalThis as { crosscurrentMailSenderName?: NameSource };

export function setMailSenderName(source: NameSource): void {
  holder.crosscurrentMailSenderName = source;
}

/** The From header: MAIL_FROM as given when it names itself ("Desk <desk@…>"), else title + address. */
export async function mailFrom(): Promise<string | { name: string; address: string }> {
  if (env.MAIL_FROM && /<[^>]+>\s*$/.test(env.MAIL_FROM)) return env.MAIL_FROM;
  const address = env.MAIL_FROM ?? `no-reply@${new URL(env.SITE_URL).hostname}`;
  const name = await holder.crosscurrentMailSenderName?.().catch(() => undefined);
  return name ? { name, address } : address;
}
