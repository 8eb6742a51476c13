const format = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

export function PublishedDate({ date }: { date: Date }) {
  return <time dateTime={date.toISOString()}>{format.format(date)}</time>;
}
