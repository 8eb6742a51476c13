import type { HighlightSegment } from "@/lib/search/highlight";

/** Text with the search matches in <mark>: every segment is rendered as text, never as HTML. */
export function HighlightedText({ segments }: { segments: HighlightSegment[] }) {
  return (
    <>{segments.map((segment, i) => (segment.mark ? <mark key={i}>{segment.text}</mark> : segment.text))}</>
  );
}
