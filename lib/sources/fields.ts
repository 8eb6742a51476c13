// Source kinds, their labels and field limits; free of server code (and of zod) so client forms
// can use them.
import type { SourceKind } from "@/lib/generated/prisma/enums";

export const SOURCE_KINDS = [
  "WECHAT_ACCOUNT",
  "NEWSPAPER",
  "WEBSITE",
  "AGENCY",
  "INDIVIDUAL",
] as const satisfies readonly SourceKind[];

// Fails to compile when the schema gains a kind this list lacks.
type Missing = Exclude<SourceKind, (typeof SOURCE_KINDS)[number]>;
const _everyKindListed: [Missing] extends [never] ? true : never = true;
void _everyKindListed;

export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  WECHAT_ACCOUNT: "WeChat official account",
  NEWSPAPER: "Newspaper",
  WEBSITE: "Website",
  AGENCY: "Agency",
  INDIVIDUAL: "Individual",
};

/** Longest accepted value of each field, in characters. */
export const SOURCE_LIMITS = {
  name: 200,
  slug: 80,
  platformId: 100,
  url: 2000,
  contactName: 200,
  contactEmail: 254,
  contactWechat: 200,
  description: 5000,
  notes: 5000,
} as const;
