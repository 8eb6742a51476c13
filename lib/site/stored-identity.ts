import "server-only";
// The stored identity read straight from the database, for work away from requests (mail, the
// daily digest), where the request-scoped read cache of identity.ts is not at hand.
import { loadSettings } from "@/lib/platform/settings";
import { setMailSenderName } from "@/lib/platform/outbox/sender";
import { parseSiteIdentity, SITE_IDENTITY_KEY, type StoredSiteIdentity } from "./identity-fields";

export async function storedSiteIdentity(): Promise<StoredSiteIdentity> {
  const stored = (await loadSettings([SITE_IDENTITY_KEY])).get(SITE_IDENTITY_KEY);
  return parseSiteIdentity(stored?.value);
}

/** Makes the site's title the name on the site's mail (called once at start-up). */
export function nameMailAfterSite(): void {
  setMailSenderName(async () => (await storedSiteIdentity()).title);
}
