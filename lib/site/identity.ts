import "server-only";
// The site's identity as every surface reads it (pages, feeds, JSON-LD, the manifest), and its
// one write. Read once per change, not once per request: saving invalidates every cached page
// and read, since the title and the language are on all of them.
import { ActionFailure } from "@/lib/platform/actions/result";
import type { ActionContext } from "@/lib/platform/actions/run-action";
import { isBuildPrerender } from "@/lib/platform/cache/build-prerender";
import { createReadCache } from "@/lib/platform/cache/cached-read";
import { invalidate } from "@/lib/platform/cache/invalidate";
import { EVERYTHING } from "@/lib/platform/cache/registry";
import { cacheTag } from "@/lib/platform/cache/tags";
import { db } from "@/lib/platform/db";
import { loadSettings, saveSetting, type SavedSetting } from "@/lib/platform/settings";
import { toMediaItem, mediaItemSelect } from "@/lib/media/types";
import {
  DEFAULT_SITE_IDENTITY,
  parseSiteIdentity,
  SITE_IDENTITY_KEY,
  type SiteIdentityInput,
  type StoredSiteIdentity,
} from "./identity-fields";

export interface SiteLogo {
  mediaId: string;
  /** The original upload. */
  url: string;
  /** A small copy, for the favicon and the header, and its type. */
  iconUrl: string;
  iconType: string;
  contentType: string;
  width: number;
  height: number;
  alt: string;
}

export interface SiteIdentity extends Omit<StoredSiteIdentity, "logoMediaId"> {
  logo: SiteLogo | null;
}

const reads = createReadCache("site", 4);
const ICON_MIN_WIDTH = 192;

async function loadLogo(mediaId: string | null): Promise<SiteLogo | null> {
  if (!mediaId) return null;
  // A logo deleted from the library is no logo: the default icon returns.
  const row = await db.media.findUnique({ where: { id: mediaId }, select: mediaItemSelect });
  if (!row) return null;
  const item = toMediaItem(row);
  // The smallest resized copy that stays sharp at a favicon's and a header's sizes.
  const icon = item.variants.filter((v) => v.width >= ICON_MIN_WIDTH).sort((a, b) => a.width - b.width)[0];
  return {
    mediaId: item.id,
    url: item.url,
    iconUrl: icon?.url ?? item.url,
    iconType: icon?.contentType ?? item.contentType,
    contentType: item.contentType,
    width: item.width,
    height: item.height,
    alt: item.alt,
  };
}

async function loadIdentity(): Promise<SiteIdentity> {
  const stored = (await loadSettings([SITE_IDENTITY_KEY])).get(SITE_IDENTITY_KEY);
  const { logoMediaId, ...identity } = parseSiteIdentity(stored?.value);
  return { ...identity, logo: await loadLogo(logoMediaId) };
}

/** The identity in force. During `next build` (no database) the defaults. */
export function siteIdentity(): Promise<SiteIdentity> {
  if (isBuildPrerender()) return Promise.resolve({ ...DEFAULT_SITE_IDENTITY, logo: null });
  return reads.read("identity", [cacheTag.site], loadIdentity);
}

/** The settings page's view: the stored values, the logo's preview and the form's version. */
export async function siteIdentityForAdmin(): Promise<{
  identity: StoredSiteIdentity;
  logo: SiteLogo | null;
  savedAt: string;
}> {
  const stored = (await loadSettings([SITE_IDENTITY_KEY])).get(SITE_IDENTITY_KEY);
  const identity = parseSiteIdentity(stored?.value);
  return { identity, logo: await loadLogo(identity.logoMediaId), savedAt: stored?.savedAt ?? "" };
}

/** Saves the identity; every page, feed and cached read shows it from the next request on. */
export async function saveSiteIdentity(
  input: SiteIdentityInput,
  context: ActionContext,
): Promise<SavedSetting<StoredSiteIdentity>> {
  const { expectedSavedAt, ...identity } = input;
  if (identity.logoMediaId) {
    const media = await db.media.findUnique({
      where: { id: identity.logoMediaId },
      select: { contentType: true },
    });
    if (!media) {
      const message = "That image is no longer in the media library. Choose another logo.";
      throw new ActionFailure("INVALID", message, { logoMediaId: [message] });
    }
  }
  const result = await saveSetting(SITE_IDENTITY_KEY, identity, expectedSavedAt, parseSiteIdentity, context);
  if (result.changed) await invalidate([EVERYTHING, cacheTag.site]);
  return result;
}

/** The identity as JSON-LD's publisher (lib/seo/json-ld.ts). */
export function jsonLdSite(identity: SiteIdentity) {
  const { logo } = identity;
  return {
    name: identity.title,
    language: identity.language,
    logo: logo ? { url: logo.url, width: logo.width, height: logo.height } : null,
  };
}

/** The favicon: the logo when there is one, else the site's default icon. */
export function siteIcon(identity: SiteIdentity): { url: string; type: string } {
  return identity.logo
    ? { url: identity.logo.iconUrl, type: identity.logo.iconType }
    : { url: DEFAULT_ICON, type: "image/svg+xml" };
}

export const DEFAULT_ICON = "/icon.svg";
