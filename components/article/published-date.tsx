import { LocalTime } from "@/components/site/local-time";

export function PublishedDate({ date }: { date: Date }) {
  return <LocalTime iso={date.toISOString()} style="date" />;
}
