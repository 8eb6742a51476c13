import { LocalTime } from "@/components/site/local-time";
import { siteIdentity } from "@/lib/site/identity";

// The reader's own time zone once the page is live; until then, and without JavaScript, the site's
// (settings), so a cached page says the same day to every reader. The datetime stays UTC.
export async function PublishedDate({ date }: { date: Date }) {
  const { timeZone } = await siteIdentity();
  return <LocalTime iso={date.toISOString()} style="date" fallbackTimeZone={timeZone} />;
}
