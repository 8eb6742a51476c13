import { siteIdentity } from "@/lib/site/identity";

// The text is in the site's time zone (settings), so a cached page says the same day to every
// reader; the machine-readable datetime stays UTC.
export async function PublishedDate({ date }: { date: Date }) {
  const { timeZone } = await siteIdentity();
  const text = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone }).format(date);
  return <time dateTime={date.toISOString()}>{text}</time>;
}
