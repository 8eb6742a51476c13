// A cached public page must be the same bytes for every reader, so it cannot carry a per-response
// nonce. When the page is kept (page-memory.ts) its scripts are pinned by hash instead, once:
// - every inline script Next rendered with this response's nonce loses the nonce and gets its
//   SHA-256 in the policy;
// - every external script Next rendered with the nonce becomes a small inline loader (hashed
//   likewise) that inserts it, which 'strict-dynamic' lets run;
// - preload links for scripts are dropped: a preload request cannot be matched by a hash.
// A script Next did not render carries no nonce (it cannot know it), gets no hash, and is blocked,
// as the nonce policy blocks it.
import { createHash } from "node:crypto";

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const SCRIPT_PRELOAD = /<link\b(?=[^>]*\brel="(?:preload|modulepreload)")(?=[^>]*\bas="script")[^>]*>/gi;
const SRC = /\ssrc="([^"]*)"/i;
const CROSSORIGIN = /\scrossorigin(?:="([^"]*)")?/i;

export interface HashedPage {
  html: string;
  /** CSP hash sources ('sha256-…'), one per distinct script. */
  hashes: string[];
}

function sha256Source(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

function decodeAttribute(value: string): string {
  return value
    .replaceAll("&quot;", '"')
    .replaceAll("&#x27;", "'")
    .replaceAll("&#39;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
}

/** A JavaScript string literal that cannot end the script element it sits in. */
function scriptString(value: string): string {
  return JSON.stringify(value).replaceAll("<", "\\u003c");
}

function loaderFor(attributes: string): string | null {
  const src = SRC.exec(attributes)?.[1];
  if (src === undefined) return null;
  const crossOrigin = CROSSORIGIN.exec(attributes);
  const async = /\sasync\b/i.test(attributes) || /\sdefer\b/i.test(attributes);
  const load =
    `var s=document.createElement("script");s.src=${scriptString(decodeAttribute(src))};` +
    `s.async=${async};` +
    (crossOrigin ? `s.crossOrigin=${scriptString(decodeAttribute(crossOrigin[1] ?? ""))};` : "") +
    "document.head.appendChild(s);";
  // A module-capable browser skips a nomodule script (legacy polyfills).
  return /\snomodule\b/i.test(attributes)
    ? `if(!("noModule" in HTMLScriptElement.prototype)){${load}}`
    : load;
}

/** `html` with its scripts pinned by hash instead of by `nonce` (see above). */
export function hashScripts(html: string, nonce: string): HashedPage {
  const nonceAttribute = ` nonce="${nonce}"`;
  const hashes = new Set<string>();
  const pinned = html.replace(SCRIPT, (whole, attributes: string, body: string) => {
    if (!attributes.includes(nonceAttribute)) return whole;
    const rest = attributes.replace(nonceAttribute, "");
    const loader = SRC.test(rest) ? loaderFor(rest) : null;
    if (loader !== null) {
      hashes.add(sha256Source(loader));
      return `<script>${loader}</script>`;
    }
    hashes.add(sha256Source(body));
    return `<script${rest}>${body}</script>`;
  });
  return { html: pinned.replace(SCRIPT_PRELOAD, ""), hashes: [...hashes] };
}
