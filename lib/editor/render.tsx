import "server-only";
import type { JSONContent } from "@tiptap/core";
import { renderToReactElement } from "@tiptap/static-renderer/pm/react";
import { articleExtensions } from "./extensions";
import { renderableBody } from "./renderable-body";

/** An article body rendered on the server from its JSON; no stored HTML is ever injected. */
export function ArticleBody({ document }: { document: JSONContent }) {
  return <>{renderToReactElement({ content: renderableBody(document), extensions: articleExtensions })}</>;
}
