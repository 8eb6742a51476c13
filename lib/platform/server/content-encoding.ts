// The encodings a kept answer is stored in (made once, when it is kept) and which one a client
// gets: brotli when it accepts it, then gzip, else the bytes as they are.
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

export type Encoding = "br" | "gzip" | "identity";

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

// Brotli 8 makes pages within half a percent of quality 9's size at a twentieth of its work: 9
// spent 31–63 ms of CPU on any page (50 ms on a 32 KB search page, 63 ms on a 108 KB article),
// 8 takes 0.6–3.8 ms. On a small server that work competed with the renders that follow the fill.
const BROTLI_QUALITY = 8;

/** Both compressed forms of `body`, made off the main thread. */
export async function compressedForms(body: Buffer): Promise<{ br: Buffer; gzip: Buffer }> {
  const [br, gz] = await Promise.all([
    brotli(body, {
      params: {
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
    gzipAsync(body, { level: 9 }),
  ]);
  return { br, gzip: gz };
}

// Clients send a handful of distinct Accept-Encoding values: remember the choice for each.
const chosen = new Map<string, Encoding>();
const MAX_REMEMBERED = 256;

/** The encoding to send for this Accept-Encoding header (RFC 9110 §12.5.3, q=0 refuses). */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding {
  if (!acceptEncoding) return "identity";
  const known = chosen.get(acceptEncoding);
  if (known) return known;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (name) weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const weight = (name: string) => weights.get(name) ?? weights.get("*") ?? 0;
  let choice: Encoding = "identity";
  if (weight("br") > 0 && weight("br") >= weight("gzip")) choice = "br";
  else if (weight("gzip") > 0) choice = "gzip";
  if (chosen.size >= MAX_REMEMBERED) chosen.clear();
  chosen.set(acceptEncoding, choice);
  return choice;
}
