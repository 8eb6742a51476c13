"use client";

// A date as the reader's own clock reads it. The server (and so the cached page) prints it in a
// fixed zone (UTC, or the site's), and that text stays through hydration, so the two renders
// agree; right after, the browser prints it again in its own time zone. The datetime attribute
// always holds the UTC instant.
import { createContext, useContext, useSyncExternalStore, type ReactNode } from "react";

export type LocalTimeStyle = "date" | "dateTime";

const FORMAT_OPTIONS: Record<LocalTimeStyle, Intl.DateTimeFormatOptions> = {
  date: { dateStyle: "long" },
  dateTime: { dateStyle: "long", timeStyle: "short" },
};

// Making a formatter costs far more than using one (a page of results has dozens of dates): one
// per style and zone, made when first asked for. A page names one zone or two.
const formatters = new Map<string, Intl.DateTimeFormat>();
const MAX_FORMATTERS = 64;

function formatter(style: LocalTimeStyle | "zone", timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${style} ${timeZone ?? ""}`;
  let made = formatters.get(key);
  if (made === undefined) {
    const options = style === "zone" ? { timeZoneName: "short" as const } : FORMAT_OPTIONS[style];
    made = new Intl.DateTimeFormat("en-GB", { ...options, timeZone });
    if (formatters.size >= MAX_FORMATTERS) formatters.clear();
    formatters.set(key, made);
  }
  return made;
}

/** The text of `iso` in `timeZone` (the reader's when not given); UTC is said as such. */
export function formatLocalTime(iso: string, style: LocalTimeStyle, timeZone?: string): string {
  const date = new Date(iso);
  const text = formatter(style, timeZone).format(date);
  if (style === "date") return text;
  const zone = formatter("zone", timeZone)
    .formatToParts(date)
    .find((part) => part.type === "timeZoneName")?.value;
  return zone ? `${text} ${zone}` : text;
}

const subscribe = () => () => {};

/** False on the server and while hydrating, true once this browser's clock may be used. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

const SiteTimeZoneContext = createContext("UTC");

/** The site's time zone (settings): the zone of every date's text before the reader's may be used. */
export function SiteTimeZone({ timeZone, children }: { timeZone: string; children: ReactNode }) {
  return <SiteTimeZoneContext value={timeZone}>{children}</SiteTimeZoneContext>;
}

export function LocalTime({ iso, style }: { iso: string; style: LocalTimeStyle }) {
  const hydrated = useHydrated();
  const fallbackTimeZone = useContext(SiteTimeZoneContext);
  return (
    <time dateTime={iso} data-local-time={hydrated ? "" : undefined}>
      {formatLocalTime(iso, style, hydrated ? undefined : fallbackTimeZone)}
    </time>
  );
}
