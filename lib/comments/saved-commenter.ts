// "Save my name and email in this browser": the name and email travel in an HttpOnly cookie,
// encrypted and authenticated with a key derived from AUTH_SECRET, so page scripts can never read
// the email and nobody can forge one. A second, readable cookie holds only the name, for the form
// to say "Commenting as …". The page itself stays the same for everyone (and cacheable).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import type { NextResponse } from "next/server";
import { z } from "zod";
import { env } from "@/lib/platform/env";
import { COMMENTER_COOKIE, COMMENTER_NAME_COOKIE } from "./cookie-names";
import { EMAIL_MAX, NAME_MAX } from "./schema";

const MAX_AGE_SECONDS = 365 * 24 * 60 * 60;
const IV_BYTES = 12;
const TAG_BYTES = 16;

// Without AUTH_SECRET (tests, ad-hoc development runs) a key per process: saved commenters are
// simply forgotten at restart. Production always has the secret (lib/platform/auth/local-secret.ts).
let key: Buffer | undefined;
function cookieKey(): Buffer {
  key ??= env.AUTH_SECRET
    ? Buffer.from(hkdfSync("sha256", env.AUTH_SECRET, "", "crosscurrent saved commenter cookie", 32))
    : randomBytes(32);
  return key;
}

const SavedCommenterSchema = z.object({
  name: z.string().min(1).max(NAME_MAX),
  email: z.email().max(EMAIL_MAX),
});

export type SavedCommenter = z.infer<typeof SavedCommenterSchema>;

export function sealCommenter(commenter: SavedCommenter): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", cookieKey(), iv);
  const sealed = Buffer.concat([cipher.update(JSON.stringify(commenter), "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64url");
}

/** The commenter in a cookie value, or null when it is missing, tampered with or not ours. */
export function unsealCommenter(value: string | undefined): SavedCommenter | null {
  if (!value) return null;
  try {
    const raw = Buffer.from(value, "base64url");
    if (raw.length <= IV_BYTES + TAG_BYTES) return null;
    const decipher = createDecipheriv("aes-256-gcm", cookieKey(), raw.subarray(0, IV_BYTES));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const json = Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
    const parsed = SavedCommenterSchema.safeParse(JSON.parse(json.toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

// Secure whenever the site is served over https, the same rule as the session cookie
// (lib/platform/auth/options.ts); a local http run still works.
const baseOptions = () => ({
  path: "/",
  sameSite: "lax" as const,
  secure: env.SITE_URL.startsWith("https://"),
});

export function rememberCommenter(response: NextResponse, commenter: SavedCommenter): void {
  response.cookies.set(COMMENTER_COOKIE, sealCommenter(commenter), {
    ...baseOptions(),
    httpOnly: true,
    maxAge: MAX_AGE_SECONDS,
  });
  response.cookies.set(COMMENTER_NAME_COOKIE, commenter.name, {
    ...baseOptions(),
    httpOnly: false,
    maxAge: MAX_AGE_SECONDS,
  });
}

export function forgetCommenter(response: NextResponse): void {
  for (const [name, httpOnly] of [
    [COMMENTER_COOKIE, true],
    [COMMENTER_NAME_COOKIE, false],
  ] as const) {
    response.cookies.set(name, "", { ...baseOptions(), httpOnly, maxAge: 0 });
  }
}
