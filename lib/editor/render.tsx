import "server-only";
import type { JSONContent } from "@tiptap/core";
import { renderToReactElement } from "@tiptap/static-renderer/pm/react";
import { articleExtensions } from "./extensions";

/** An article body rendered on the server from its JSON; no stored HTML is ever injected. */
export function ArticleBody({ document }: { document: JSONContent }) {
  return <>{renderToReactElement({ content: document, extensions: articleExtensions })}</>;
}
