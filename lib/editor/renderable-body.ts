// What of a stored body may be shown. Bodies are validated on save, but a restore, an import, a
// migration or a hand edit in the database can write one that never was: the URL rules of the
// validator apply again at render, with the very same predicates, so nothing stored that way
// reaches a page, a feed or the API.
import type { JSONContent } from "@tiptap/core";
import { isAllowedImageSrc, isAllowedLinkHref } from "./body-schema";

/** Maps an allowed media path (`/media/…`) to the address the output should carry. */
export type MediaUrl = (path: string) => string;

const sitePath: MediaUrl = (path) => path;

/**
 * `document` with every image whose address is not one of this site's media paths left out, and
 * every link whose address could not be saved turned back into plain text. `mediaUrl` rewrites the
 * images that stay (readers off the site need absolute addresses).
 */
export function renderableBody(document: JSONContent, mediaUrl: MediaUrl = sitePath): JSONContent {
  return renderableNode(document, mediaUrl) ?? { type: "doc", content: [] };
}

function renderableNode(node: JSONContent, mediaUrl: MediaUrl): JSONContent | null {
  if (typeof node !== "object" || node === null) return node;
  if (node.type === "image") {
    const src: unknown = node.attrs?.src;
    return typeof src === "string" && isAllowedImageSrc(src)
      ? { ...node, attrs: { ...node.attrs, src: mediaUrl(src) } }
      : null;
  }
  const result: JSONContent = { ...node };
  if (Array.isArray(node.marks)) result.marks = node.marks.filter(isRenderableMark);
  if (Array.isArray(node.content)) {
    result.content = node.content.flatMap((child) => {
      const kept = renderableNode(child, mediaUrl);
      return kept === null ? [] : [kept];
    });
  }
  return result;
}

function isRenderableMark(mark: NonNullable<JSONContent["marks"]>[number]): boolean {
  if (typeof mark !== "object" || mark === null || mark.type !== "link") return true;
  const href: unknown = mark.attrs?.href;
  return typeof href === "string" && isAllowedLinkHref(href);
}
