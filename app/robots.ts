import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { env } from "@/lib/platform/env";
import { absoluteUrl } from "@/lib/seo/urls";

// Per request, so the sitemap URL follows the SITE_URL of the running server, not of the build.
export default async function robots(): Promise<MetadataRoute.Robots> {
  await connection();
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/admin", "/api/admin", "/login"] },
    sitemap: absoluteUrl(env.SITE_URL, "/sitemap.xml"),
  };
}
