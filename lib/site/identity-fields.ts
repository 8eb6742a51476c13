// The site's identity as stored and as the settings form sends it: title, tagline, description,
// logo, time zone and language. Client-safe (the form reads the limits). The defaults are what the
// site said before these were settings, so an untouched install reads as it always did.
import { z } from "zod";

export const SITE_IDENTITY_KEY = "site.identity";

export const IDENTITY_LIMITS = { title: 80, tagline: 160, description: 300, language: 35 } as const;

export interface StoredSiteIdentity {
  title: string;
  /** Under the title in the site's header. */
  tagline: string;
  /** For search engines, link previews and the feed's channel. */
  description: string;
  /** An image of the media library: the header's logo and the favicon; null for the default icon. */
  logoMediaId: string | null;
  /** IANA name; server-rendered date text is in it. Machine-readable times stay UTC. */
  timeZone: string;
  /** BCP 47: <html lang>, the feeds' <language>, JSON-LD inLanguage. */
  language: string;
}

export const DEFAULT_SITE_IDENTITY: StoredSiteIdentity = {
  title: "Crosscurrent",
  tagline: "Commentary across borders, reprinted with permission",
  description: "Geopolitical commentary, reprinted with permission and written in-house.",
  logoMediaId: null,
  timeZone: "UTC",
  language: "en",
};

/** The IANA name as Intl spells it ("asia/shanghai" → "Asia/Shanghai"), or null when unknown. */
export function canonicalTimeZone(name: string): string | null {
  // Intl also takes offsets such as "+08:00" in some versions; only names are asked for.
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(name)) return null;
  try {
    return new Intl.DateTimeFormat("en", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** Every IANA name this runtime knows, UTC first: the form's suggestions. */
export function timeZoneNames(): string[] {
  return ["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")];
}

/** The BCP 47 tag in its canonical case ("zh-hans" → "zh-Hans"), or null when it is not one. */
export function canonicalLanguage(tag: string): string | null {
  if (!/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(tag)) return null;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

const text = (label: string, max: number, required: boolean) =>
  z
    .string({ error: `Enter ${label.toLowerCase()}.` })
    .transform((value) => value.normalize("NFC").replace(/\s+/g, " ").trim())
    .pipe(
      z
        .string()
        .min(required ? 1 : 0, `${label} cannot be empty.`)
        .max(max, `${label} can be at most ${max} characters.`),
    );

export const SiteIdentityInputSchema = z.object({
  title: text("The site title", IDENTITY_LIMITS.title, true),
  tagline: text("The tagline", IDENTITY_LIMITS.tagline, false),
  description: text("The description", IDENTITY_LIMITS.description, true),
  // The picker's hidden field: an id, or empty for no logo.
  logoMediaId: z
    .string()
    .trim()
    .max(64, "Choose the logo from the media library.")
    .regex(/^[A-Za-z0-9_-]*$/, "Choose the logo from the media library.")
    .optional()
    .transform((value) => value || null),
  timeZone: z
    .string({ error: "Enter a time zone." })
    .trim()
    .transform((value, ctx) => {
      const zone = canonicalTimeZone(value);
      if (zone) return zone;
      ctx.addIssue({
        code: "custom",
        message: `“${value.slice(0, 40)}” is not a time zone name. Use an IANA name such as Europe/London or Asia/Shanghai.`,
      });
      return z.NEVER;
    }),
  language: z
    .string({ error: "Enter a language." })
    .trim()
    .max(IDENTITY_LIMITS.language, "Enter a short language tag such as en or zh-Hans.")
    .transform((value, ctx) => {
      const tag = canonicalLanguage(value);
      if (tag) return tag;
      ctx.addIssue({
        code: "custom",
        message: `“${value.slice(0, 40)}” is not a language tag. Use a BCP 47 tag such as en, en-GB or zh-Hans.`,
      });
      return z.NEVER;
    }),
  /** The version of the row the form was loaded from ("" when there was none). */
  expectedSavedAt: z.string().max(40).optional(),
});

export type SiteIdentityInput = z.output<typeof SiteIdentityInputSchema>;

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

const StoredSchema = z.object({
  title: z.string().min(1).catch(DEFAULT_SITE_IDENTITY.title),
  tagline: z.string().catch(DEFAULT_SITE_IDENTITY.tagline),
  description: z.string().min(1).catch(DEFAULT_SITE_IDENTITY.description),
  logoMediaId: z.string().min(1).nullable().catch(null),
  timeZone: z
    .string()
    .refine((zone) => canonicalTimeZone(zone) !== null)
    .catch(DEFAULT_SITE_IDENTITY.timeZone),
  language: z
    .string()
    .refine((tag) => canonicalLanguage(tag) !== null)
    .catch(DEFAULT_SITE_IDENTITY.language),
});

/** The stored value, each field that does not parse falling back to its default. */
export function parseSiteIdentity(value: unknown): StoredSiteIdentity {
  return StoredSchema.parse(asObject(value));
}
