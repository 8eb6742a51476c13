import type { MetadataRoute } from "next";

export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Crosscurrent",
    short_name: "Crosscurrent",
    description: "Geopolitical commentary, reprinted with permission and written in-house.",
    start_url: "/",
    display: "browser",
    background_color: "#fdfcf9",
    theme_color: "#9b2c1f",
    icons: [{ src: "/icon.svg", sizes: "any", type: "image/svg+xml" }],
  };
}
