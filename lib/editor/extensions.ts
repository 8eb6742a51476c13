// The one list of Tiptap extensions: the editor, the body validator and the public renderer
// all use it, so what can be written is exactly what can be stored and shown.
import type { Extensions } from "@tiptap/core";
import Image from "@tiptap/extension-image";
import StarterKit from "@tiptap/starter-kit";

export const HEADING_LEVELS = [2, 3, 4] as const;
export const LINK_PROTOCOLS = ["http", "https", "mailto"] as const;

export const articleExtensions: Extensions = [
  StarterKit.configure({
    heading: { levels: [...HEADING_LEVELS] },
    code: false,
    codeBlock: false,
    link: {
      openOnClick: false,
      autolink: true,
      protocols: [...LINK_PROTOCOLS],
      defaultProtocol: "https",
      HTMLAttributes: { rel: "noopener noreferrer nofollow", target: null },
    },
  }),
  Image.configure({ inline: false, allowBase64: false }),
];
