// Search snippets come back from ts_headline with the matches between two private-use characters.
// They are split here into plain segments that React renders as text and <mark> — the snippet is
// never treated as HTML.

/** Private-use characters: they do not occur in articles (and are stripped before ts_headline). */
export const MARK_START = "\uE000";
export const MARK_STOP = "\uE001";

export interface HighlightSegment {
  text: string;
  mark: boolean;
}

export function splitHighlights(headline: string): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  let mark = false;
  let text = "";
  const flush = () => {
    if (!text) return;
    const last = segments.at(-1);
    if (last && last.mark === mark) last.text += text;
    else segments.push({ text, mark });
    text = "";
  };
  for (const char of headline) {
    if (char === MARK_START || char === MARK_STOP) {
      flush();
      mark = char === MARK_START;
    } else {
      text += char;
    }
  }
  flush();
  return segments;
}
