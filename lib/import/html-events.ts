import { Parser } from "htmlparser2";

export interface OpenTagEvent {
  type: "open";
  /** Lower-cased. */
  name: string;
  /** Names lower-cased, values with entities decoded. */
  attributes: Record<string, string>;
  /** False when the element was closed implicitly: by an ancestor's end tag or the end of the input. */
  closedByEndTag: boolean;
}

export type HtmlEvent = OpenTagEvent | { type: "close"; name: string } | { type: "text"; text: string };

/**
 * The tags and decoded text of an HTML document or fragment, in order. Every open event has a matching
 * close event, void and unclosed elements included. Comments, doctypes and CDATA sections are left out.
 */
export function parseHtml(html: string): HtmlEvent[] {
  const events: HtmlEvent[] = [];
  const open: OpenTagEvent[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const event: OpenTagEvent = { type: "open", name, attributes, closedByEndTag: false };
        events.push(event);
        open.push(event);
      },
      onclosetag(name, isImplied) {
        const event = open.at(-1);
        // A tag cut off by the end of the input is closed without ever having been reported open.
        if (event?.name !== name) return;
        open.pop();
        event.closedByEndTag = !isImplied;
        events.push({ type: "close", name });
      },
      ontext(text) {
        events.push({ type: "text", text });
      },
    },
    // Honouring "/>" keeps an `<iframe … />` from swallowing the rest of the page.
    { decodeEntities: true, recognizeSelfClosing: true },
  );
  parser.end(html);
  return events;
}
