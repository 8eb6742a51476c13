import type { MetadataRoute } from "next";
import { siteIcon, siteIdentity } from "@/lib/site/identity";

// Per request: the identity is a setting, and the build has no database.
export const dynamic = "force-dynamic";

export default async function manifest(): Promise<MetadataRoute.Manifest> {
  const identity = await siteIdentity();
  const icon = siteIcon(identity);
  return {
    name: identity.title,
    short_name: identity.title,
    description: identity.description,
    lang: identity.language,
    start_url: "/",
    display: "browser",
    background_color: "#fdfcf9",
    theme_color: "#9b2c1f",
    icons: [{ src: icon.url, sizes: "any", type: icon.type }],
  };
}
