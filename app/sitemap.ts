import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { readPublic } from "@/lib/articles/visibility-change";
import { now } from "@/lib/platform/clock";
import { env } from "@/lib/platform/env";
import { buildSitemap } from "@/lib/feeds/sitemap";

// Built per request: the build has no database, and what is public changes with the clock.
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  await connection();
  return readPublic("sitemap", now(), () => buildSitemap(now(), env.SITE_URL));
}
