// The article body validator: a strict allow-list of exactly the Tiptap/ProseMirror JSON that the
// extension list in ./extensions produces (StarterKit 3 without code/codeBlock, headings 2–4, Link
// limited to http/https/mailto, block-level Image without base64). Anything else is rejected with
// a message a person can act on — never silently stripped.
//
// Grammar (mirrors the ProseMirror content expressions of getSchema(articleExtensions)):
//   doc            { type: "doc", content: block+ }
//   block          paragraph | heading | blockquote | bulletList | orderedList | horizontalRule | image
//   paragraph      { type, content?: inline* }
//   heading        { type, attrs: { level: 2 | 3 | 4 }, content?: inline* }
//   blockquote     { type, content: block+ }
//   bulletList     { type, content: listItem+ }
//   orderedList    { type, attrs?: { start?: int ≥ 0 | null, type?: "1"|"a"|"A"|"i"|"I" | null }, content: listItem+ }
//   listItem       { type, content: paragraph block* }
//   horizontalRule { type }
//   image          { type, attrs: { src: /media/…, alt: non-empty ≤ 300, title?, width?, height? } }
//   inline         text | hardBreak
//   text           { type, text: non-empty string, marks?: mark* }
//   hardBreak      { type, marks?: mark* }
//   mark           bold | italic | underline | strike | link   (each type at most once per node)
//   link           { type, attrs: { href: http(s)/mailto URL, target?: "_blank" | null, rel?, class?, title? } }
// The output is normalised to what the editor itself emits: every optional attribute is present
// (null when unset), a link's `rel` is always LINK_REL and its `class` always null.
import { z } from "zod";
import type { ArticleDocument } from "./document";

export const MAX_BODY_BYTES = 1_000_000;
export const MAX_BODY_DEPTH = 20;
export const MAX_BODY_NODES = 20_000;
export const MAX_ALT_LENGTH = 300;
export const MAX_HREF_LENGTH = 2048;
/** Site-relative media library paths: no scheme, no "//", no "." or ".." segments. */
export const MEDIA_SRC_PATTERN = /^\/media\/[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;
/** The `rel` every stored link carries: the value the editor's Link configuration gives new links. */
export const LINK_REL = "noopener noreferrer nofollow";

// ---------------------------------------------------------------------------------------------
// Types: the precise shape of a valid body (each one is assignable to Tiptap's JSONContent).

export type ArticleLinkAttrs = {
  href: string;
  target: "_blank" | null;
  rel: typeof LINK_REL;
  class: null;
  title: string | null;
};
export type ArticleMark =
  | { type: "bold" }
  | { type: "italic" }
  | { type: "underline" }
  | { type: "strike" }
  | { type: "link"; attrs: ArticleLinkAttrs };
export type ArticleText = { type: "text"; text: string; marks?: ArticleMark[] };
export type ArticleHardBreak = { type: "hardBreak"; marks?: ArticleMark[] };
export type ArticleInline = ArticleText | ArticleHardBreak;
export type ArticleParagraph = { type: "paragraph"; content?: ArticleInline[] };
export type ArticleHeading = { type: "heading"; attrs: { level: 2 | 3 | 4 }; content?: ArticleInline[] };
export type ArticleBlockquote = { type: "blockquote"; content: ArticleBlock[] };
export type ArticleListItem = { type: "listItem"; content: ArticleBlock[] };
export type ArticleBulletList = { type: "bulletList"; content: ArticleListItem[] };
export type ArticleOrderedList = {
  type: "orderedList";
  attrs: { start: number; type: "1" | "a" | "A" | "i" | "I" | null };
  content: ArticleListItem[];
};
export type ArticleHorizontalRule = { type: "horizontalRule" };
export type ArticleImage = {
  type: "image";
  attrs: { src: string; alt: string; title: string | null; width: number | null; height: number | null };
};
export type ArticleBlock =
  | ArticleParagraph
  | ArticleHeading
  | ArticleBlockquote
  | ArticleBulletList
  | ArticleOrderedList
  | ArticleHorizontalRule
  | ArticleImage;
export type ArticleBody = { type: "doc"; content: ArticleBlock[] };

export type ArticleBodyPath = (string | number)[];
export type ArticleBodyValidation =
  { ok: true; body: ArticleDocument } | { ok: false; message: string; path: ArticleBodyPath };

// ---------------------------------------------------------------------------------------------
// Messages.

const MSG = {
  notADocument: 'The article body is not a valid document (expected an object with type "doc").',
  notJson: "The article body may only contain plain JSON data.",
  tooLarge: `The article body is too large (max ${MAX_BODY_BYTES / 1_000_000} MB).`,
  tooDeep: `The article body is nested too deeply (max ${MAX_BODY_DEPTH} levels).`,
  tooManyNodes: `The article body has too many elements (max ${MAX_BODY_NODES.toLocaleString("en-US")}).`,
  emptyDocument: "The article body is empty: add at least one paragraph.",
  contentList: "Content must be a list of elements.",
  missingType: "Each element of the article body must be an object with a type.",
  missingMarkType: "Each text format must be an object with a type.",
  textOutsideBlock: "Text and line breaks must be inside a paragraph or heading.",
  listItemOutsideList: "List items must be inside a bulleted or numbered list.",
  nestedDocument: "A document can't be placed inside another document.",
  listChildren: "Lists may only contain list items.",
  emptyList: "A list needs at least one item.",
  emptyListItem: "A list item can't be empty.",
  listItemStart: "Each list item must start with a paragraph.",
  emptyQuote: "A quote can't be empty.",
  text: "Text elements need non-empty text.",
  badCharacter:
    "The text contains an invalid character (a NUL character or a broken emoji); retype the affected passage.",
  marksList: "Text formatting (marks) must be a list.",
  headingLevel: "Headings must be level 2, 3 or 4.",
  listStart: "A numbered list must start at a whole number from 0 to 1,000,000,000.",
  listStyle: "Numbered lists may only use the styles 1, a, A, i or I.",
  linkAttrs: "Links need an address (href).",
  linkScheme: "Links may only use http, https or mailto addresses.",
  linkCharacters: "Link addresses can't contain spaces, backslashes or invisible characters.",
  linkInvalid: "That link address isn't a valid URL.",
  linkCredentials: "Links can't include a user name or password.",
  linkTooLong: `Link addresses must be at most ${MAX_HREF_LENGTH.toLocaleString("en-US")} characters.`,
  linkTarget: 'Links may open in the same tab or in a new tab (target "_blank") only.',
  linkText: "A link's rel, class and title must be text.",
  imageAttrs: "Images need an address and a description (alt text).",
  imageSrc: "Images must come from the media library (an address starting with /media/).",
  imageAlt: "Images need a description (alt text).",
  imageAltLong: `Keep image descriptions under ${MAX_ALT_LENGTH} characters.`,
  imageTitle: `An image title must be text of at most ${MAX_ALT_LENGTH} characters.`,
  imageSize: "Image width and height must be positive numbers of pixels (at most 10,000).",
} as const;

const quote = (name: string): string => JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name);

function unexpectedField(keys: readonly PropertyKey[]): string {
  const names = keys.map((key) => quote(String(key))).join(", ");
  return keys.length === 1
    ? `Unexpected field ${names} in the article body.`
    : `Unexpected fields ${names} in the article body.`;
}

// ---------------------------------------------------------------------------------------------
// Link and image address rules (exported so the editor can check input before inserting it).

const LINK_START = /^(?:https?:\/\/[^/\\]|mailto:[^/\\])/i;
const LINK_FORBIDDEN_CHARS = /[\s\p{Cc}\p{Cf}\\]/u;
const ALLOWED_LINK_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

/** Why `href` can't be stored as a link address, or null when it can. */
export function linkHrefProblem(href: string): string | null {
  if (href.length > MAX_HREF_LENGTH) return MSG.linkTooLong;
  // The scheme is checked on the raw string, so "  javascript:", "java\tscript:", "//host",
  // relative paths and entity-like "javascript&colon;" never get as far as the URL parser.
  if (!LINK_START.test(href)) return MSG.linkScheme;
  if (LINK_FORBIDDEN_CHARS.test(href)) return MSG.linkCharacters;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return MSG.linkInvalid;
  }
  if (!ALLOWED_LINK_PROTOCOLS.has(url.protocol)) return MSG.linkScheme;
  if (url.protocol !== "mailto:") {
    if (!url.hostname) return MSG.linkInvalid;
    if (url.username || url.password) return MSG.linkCredentials;
  }
  return null;
}

export function isAllowedLinkHref(href: string): boolean {
  return linkHrefProblem(href) === null;
}

export function isAllowedImageSrc(src: string): boolean {
  return (
    src.length <= 500 &&
    MEDIA_SRC_PATTERN.test(src) &&
    src.split("/").every((segment) => !/^\.+$/.test(segment))
  );
}

/** Text PostgreSQL's jsonb can store: no NUL characters and no unpaired UTF-16 surrogates. */
const STORABLE_TEXT = /^[^\u0000\p{Cs}]*$/u;
const isStorable = (value: string): boolean => STORABLE_TEXT.test(value);

// ---------------------------------------------------------------------------------------------
// Zod building blocks.

function strict<T extends z.core.$ZodLooseShape>(shape: T, invalidType: string) {
  return z.strictObject(shape, {
    error: (iss) => (iss.code === "unrecognized_keys" ? unexpectedField(iss.keys) : invalidType),
  });
}

const NODE_TYPES = new Set([
  "doc",
  "paragraph",
  "heading",
  "blockquote",
  "bulletList",
  "orderedList",
  "listItem",
  "horizontalRule",
  "image",
  "text",
  "hardBreak",
]);

function typeOf(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const type: unknown = (value as { type?: unknown }).type;
  return typeof type === "string" ? type : undefined;
}

type Place = "block" | "inline" | "list";

function misplaced(place: Place, type: string): string {
  if (place === "list") return MSG.listChildren;
  if (place === "inline") {
    return `${quote(type)} can't be placed inside a paragraph or heading: only text and line breaks can.`;
  }
  if (type === "text" || type === "hardBreak") return MSG.textOutsideBlock;
  if (type === "listItem") return MSG.listItemOutsideList;
  return MSG.nestedDocument;
}

/** Error map for a content union: names unknown types and explains misplaced known ones. */
function contentError(place: Place) {
  return (iss: { code?: string; input?: unknown }): string | undefined => {
    if (iss.code !== "invalid_union" && iss.code !== "invalid_type") return undefined;
    const type = typeOf(iss.input);
    if (type === undefined) return MSG.missingType;
    if (!NODE_TYPES.has(type)) return `Unsupported content type ${quote(type)} in the article body.`;
    return misplaced(place, type);
  };
}

const storableString = (required: string) =>
  z.string({ error: required }).refine(isStorable, MSG.badCharacter);

const optionalText = (max: number, message: string) =>
  z.string({ error: message }).max(max, message).refine(isStorable, MSG.badCharacter).nullable().optional();

// Marks -----------------------------------------------------------------------------------------

const HrefSchema = z.string({ error: MSG.linkAttrs }).superRefine((href, ctx) => {
  const problem = linkHrefProblem(href);
  if (problem) ctx.addIssue({ code: "custom", message: problem, input: href });
});

const LinkAttrsSchema = strict(
  {
    href: HrefSchema,
    target: z.literal("_blank", { error: MSG.linkTarget }).nullable().optional(),
    // Accepted (the editor sends its default rel) but never stored: see LINK_REL.
    rel: optionalText(200, MSG.linkText),
    class: optionalText(200, MSG.linkText),
    title: optionalText(MAX_ALT_LENGTH, MSG.linkText),
  },
  MSG.linkAttrs,
).transform((attrs): ArticleLinkAttrs => ({
  href: attrs.href,
  target: attrs.target ?? null,
  rel: LINK_REL,
  class: null,
  title: attrs.title ?? null,
}));

const MarkSchema = z.discriminatedUnion(
  "type",
  [
    strict({ type: z.literal("bold") }, MSG.missingMarkType),
    strict({ type: z.literal("italic") }, MSG.missingMarkType),
    strict({ type: z.literal("underline") }, MSG.missingMarkType),
    strict({ type: z.literal("strike") }, MSG.missingMarkType),
    strict({ type: z.literal("link"), attrs: LinkAttrsSchema }, MSG.missingMarkType),
  ],
  {
    error: (iss) => {
      if (iss.code !== "invalid_union" && iss.code !== "invalid_type") return undefined;
      const type = typeOf(iss.input);
      if (type === undefined) return MSG.missingMarkType;
      return `Unsupported text formatting ${quote(type)} in the article body.`;
    },
  },
);

const MarksSchema = z.array(MarkSchema, { error: MSG.marksList }).superRefine((marks, ctx) => {
  const seen = new Set<string>();
  marks.forEach((mark, index) => {
    if (seen.has(mark.type)) {
      ctx.addIssue({
        code: "custom",
        message: `The formatting ${quote(mark.type)} is applied twice to the same text.`,
        path: [index],
        input: mark,
      });
    }
    seen.add(mark.type);
  });
});

// Inline nodes ----------------------------------------------------------------------------------

const InlineSchema = z.discriminatedUnion(
  "type",
  [
    strict(
      {
        type: z.literal("text"),
        text: storableString(MSG.text).min(1, MSG.text),
        marks: MarksSchema.optional(),
      },
      MSG.missingType,
    ),
    strict({ type: z.literal("hardBreak"), marks: MarksSchema.optional() }, MSG.missingType),
  ],
  { error: contentError("inline") },
);

const InlineContentSchema = z.array(InlineSchema, { error: MSG.contentList });

// Block nodes -----------------------------------------------------------------------------------

// Recursive: blockquotes and list items contain blocks. The annotation gives z.lazy its type.
const BlockSchema: z.ZodType<ArticleBlock> = z.lazy(() =>
  z.discriminatedUnion(
    "type",
    [
      ParagraphSchema,
      HeadingSchema,
      BlockquoteSchema,
      BulletListSchema,
      OrderedListSchema,
      HorizontalRuleSchema,
      ImageSchema,
    ],
    { error: contentError("block") },
  ),
);

const BlockContentSchema = z.array(BlockSchema, { error: MSG.contentList });

const ParagraphSchema = strict(
  { type: z.literal("paragraph"), content: InlineContentSchema.optional() },
  MSG.missingType,
);

const HeadingSchema = strict(
  {
    type: z.literal("heading"),
    attrs: strict({ level: z.literal([2, 3, 4], { error: MSG.headingLevel }) }, MSG.headingLevel),
    content: InlineContentSchema.optional(),
  },
  MSG.missingType,
);

const BlockquoteSchema = strict(
  { type: z.literal("blockquote"), content: BlockContentSchema.min(1, MSG.emptyQuote) },
  MSG.missingType,
);

const ListItemSchema = z.discriminatedUnion(
  "type",
  [
    strict(
      {
        type: z.literal("listItem"),
        content: BlockContentSchema.min(1, MSG.emptyListItem).refine(
          (content) => content[0]?.type === "paragraph",
          { message: MSG.listItemStart, path: [0] },
        ),
      },
      MSG.missingType,
    ),
  ],
  { error: contentError("list") },
);

const ListContentSchema = z.array(ListItemSchema, { error: MSG.contentList }).min(1, MSG.emptyList);

const BulletListSchema = strict(
  { type: z.literal("bulletList"), content: ListContentSchema },
  MSG.missingType,
);

const OrderedListAttrsSchema = strict(
  {
    start: z
      .int({ error: MSG.listStart })
      .min(0, MSG.listStart)
      .max(1_000_000_000, MSG.listStart)
      .nullable()
      .optional(),
    type: z.enum(["1", "a", "A", "i", "I"], { error: MSG.listStyle }).nullable().optional(),
  },
  MSG.listStart,
)
  .optional()
  .transform((attrs): ArticleOrderedList["attrs"] => ({
    start: attrs?.start ?? 1,
    type: attrs?.type ?? null,
  }));

const OrderedListSchema = strict(
  { type: z.literal("orderedList"), attrs: OrderedListAttrsSchema, content: ListContentSchema },
  MSG.missingType,
);

const HorizontalRuleSchema = strict({ type: z.literal("horizontalRule") }, MSG.missingType);

const imageSize = z.number({ error: MSG.imageSize }).positive(MSG.imageSize).max(10_000, MSG.imageSize);

const ImageAttrsSchema = strict(
  {
    src: z.string({ error: MSG.imageSrc }).refine(isAllowedImageSrc, MSG.imageSrc),
    alt: z
      .string({ error: MSG.imageAlt })
      .refine((alt) => alt.trim().length > 0, MSG.imageAlt)
      .refine((alt) => alt.length <= MAX_ALT_LENGTH, MSG.imageAltLong)
      .refine(isStorable, MSG.badCharacter),
    title: optionalText(MAX_ALT_LENGTH, MSG.imageTitle),
    width: imageSize.nullable().optional(),
    height: imageSize.nullable().optional(),
  },
  MSG.imageAttrs,
).transform((attrs): ArticleImage["attrs"] => ({
  src: attrs.src,
  alt: attrs.alt,
  title: attrs.title ?? null,
  width: attrs.width ?? null,
  height: attrs.height ?? null,
}));

const ImageSchema = strict({ type: z.literal("image"), attrs: ImageAttrsSchema }, MSG.missingType);

const DocSchema = strict(
  {
    type: z.literal("doc", { error: MSG.notADocument }),
    content: z
      .array(BlockSchema, {
        error: (iss) => (iss.input === undefined ? MSG.emptyDocument : MSG.contentList),
      })
      .min(1, MSG.emptyDocument),
  },
  MSG.notADocument,
);

// ---------------------------------------------------------------------------------------------
// The size gate: one iterative pass over the raw input before any deep parsing, so huge, deep
// (or cyclic) payloads are refused quickly and without recursion.

type Finding = { message: string; path: ArticleBodyPath };
type Frame = {
  value: unknown;
  key: string | number | null;
  parent: Frame | null;
  depth: number; // JSON nesting depth of `value`
  nodeDepth: number; // number of nodes from the root down to and including this one
  isNode: boolean;
};

/** Raw JSON nesting allowed: two levels (node object + content array) per node, plus marks/attrs. */
const MAX_JSON_DEPTH = MAX_BODY_DEPTH * 2 + 6;
/** Every JSON value takes at least two bytes ("0," or "[]"), so more than this can't fit in 1 MB. */
const MAX_JSON_VALUES = MAX_BODY_BYTES / 2;
/** Keys that are never part of a body and that prototype-pollution payloads rely on. */
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

function pathOf(frame: Frame): ArticleBodyPath {
  const path: ArticleBodyPath = [];
  for (let f: Frame | null = frame; f && f.key !== null; f = f.parent) path.unshift(f.key);
  return path;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

function checkBodyLimits(input: unknown): Finding | null {
  if (!isPlainObject(input)) return { message: MSG.notADocument, path: [] };
  const stack: Frame[] = [{ value: input, key: null, parent: null, depth: 1, nodeDepth: 1, isNode: true }];
  let nodes = 0;
  let values = 0;
  let chars = 0;
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { value } = frame;
    if (++values > MAX_JSON_VALUES) return { message: MSG.tooLarge, path: [] };
    if (typeof value === "string") {
      chars += value.length;
      // A string takes at least one UTF-8 byte per UTF-16 code unit.
      if (chars > MAX_BODY_BYTES) return { message: MSG.tooLarge, path: [] };
      continue;
    }
    if (typeof value === "bigint" || typeof value === "function" || typeof value === "symbol") {
      return { message: MSG.notJson, path: pathOf(frame) };
    }
    if (typeof value !== "object" || value === null) continue;
    if (frame.depth > MAX_JSON_DEPTH) return { message: MSG.tooDeep, path: pathOf(frame) };
    if (frame.isNode) {
      if (++nodes > MAX_BODY_NODES) return { message: MSG.tooManyNodes, path: [] };
      if (frame.nodeDepth > MAX_BODY_DEPTH) return { message: MSG.tooDeep, path: pathOf(frame) };
    }
    if (Array.isArray(value)) {
      // Elements of a node's `content` array are nodes one level deeper.
      const holdsNodes = frame.key === "content" && frame.parent?.isNode === true;
      for (let i = value.length - 1; i >= 0; i--) {
        stack.push({
          value: value[i],
          key: i,
          parent: frame,
          depth: frame.depth + 1,
          nodeDepth: holdsNodes ? frame.nodeDepth + 1 : frame.nodeDepth,
          isNode: holdsNodes,
        });
      }
      continue;
    }
    if (!isPlainObject(value)) return { message: MSG.notJson, path: pathOf(frame) };
    for (const key of Object.keys(value).reverse()) {
      if (FORBIDDEN_KEYS.has(key)) return { message: unexpectedField([key]), path: [...pathOf(frame), key] };
      stack.push({
        value: value[key],
        key,
        parent: frame,
        depth: frame.depth + 1,
        nodeDepth: frame.nodeDepth,
        isNode: false,
      });
    }
  }
  let json: string;
  try {
    json = JSON.stringify(input);
  } catch {
    return { message: MSG.notJson, path: [] };
  }
  if (utf8Length(json) > MAX_BODY_BYTES) return { message: MSG.tooLarge, path: [] };
  return null;
}

// ---------------------------------------------------------------------------------------------
// Public API.

/**
 * Validates an article body (Tiptap JSON) and outputs it normalised. Size, depth and node-count
 * limits are checked first; then every node, mark and attribute is checked against the allow-list.
 */
export const ArticleBodySchema: z.ZodType<ArticleDocument> = z
  .unknown()
  .superRefine((input, ctx) => {
    let finding: Finding | null;
    try {
      finding = checkBodyLimits(input);
    } catch {
      // e.g. a throwing getter on a non-JSON object
      finding = { message: MSG.notJson, path: [] };
    }
    if (finding) ctx.addIssue({ code: "custom", message: finding.message, path: finding.path, input });
  })
  .pipe(DocSchema);

/** Validates `input` and returns the normalised body, or the first problem and where it is. */
export function validateArticleBody(input: unknown): ArticleBodyValidation {
  const result = ArticleBodySchema.safeParse(input);
  if (result.success) return { ok: true, body: result.data };
  const issue = result.error.issues[0]!;
  const path: ArticleBodyPath = issue.path.map((key) => (typeof key === "number" ? key : String(key)));
  // zod reports unknown keys on their object; point at the first offending key itself.
  if (issue.code === "unrecognized_keys" && issue.keys[0] !== undefined) path.push(issue.keys[0]);
  return { ok: false, message: issue.message, path };
}
