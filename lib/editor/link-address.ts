// What an editor types as a link address, made into one the body schema accepts: a bare domain
// ("example.org/page") becomes https, and only http, https and mailto addresses pass.
import { LINK_PROTOCOLS } from "./extensions";

export type LinkAddress = { ok: true; href: string } | { ok: false; message: string };

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const BARE_HOST = /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(:\d+)?([/?#]\S*)?$/u;

export function linkAddress(input: string): LinkAddress {
  const text = input.trim();
  if (text === "") return { ok: false, message: "Type a link address." };
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme !== undefined) {
    if (!(LINK_PROTOCOLS as readonly string[]).includes(scheme)) {
      return { ok: false, message: "Links may only use http, https or mailto addresses." };
    }
    return { ok: true, href: text };
  }
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) return { ok: true, href: `mailto:${text}` };
  if (BARE_HOST.test(text)) return { ok: true, href: `https://${text}` };
  return { ok: false, message: "That is not a web address: try https://example.org/page." };
}
