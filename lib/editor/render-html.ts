import "server-only";
import { getSchema, type JSONContent } from "@tiptap/core";
import { Node as ProseMirrorNode, type Schema } from "@tiptap/pm/model";
import { renderToHTMLString } from "@tiptap/static-renderer/pm/html-string";
import { absoluteUrl } from "@/lib/platform/site-url";
import { articleExtensions } from "./extensions";
import { renderableBody } from "./renderable-body";

let articleSchema: Schema | undefined;

/**
 * The renderer builds the editor schema from the extension list on every call when given JSON,
 * which costs more than rendering a body: build it once and hand over documents.
 */
function articleDocument(document: JSONContent): ProseMirrorNode | JSONContent {
  articleSchema ??= getSchema(articleExtensions);
  try {
    return ProseMirrorNode.fromJSON(articleSchema, document);
  } catch {
    // Not a document of this schema: let the renderer decide, as it does for any JSON.
    return document;
  }
}

/**
 * A body as HTML for readers off the site (feeds, the content API): the page's extensions and
 * URL rules (see ./renderable-body), with media addresses made absolute against `siteUrl`, since
 * a site-relative `/media/…` does not resolve where the HTML is shown. Text and attributes are
 * escaped by the renderer. Throws when the JSON is not a document the renderer can read.
 */
export function renderBodyHtml(document: JSONContent, siteUrl: string): string {
  const content = renderableBody(document, (path) => absoluteUrl(siteUrl, path));
  return renderToHTMLString({ content: articleDocument(content), extensions: articleExtensions });
}
