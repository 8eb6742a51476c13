// What a reader may send when commenting. The limits follow the columns and the usual
// comment-form conventions; per-article limits (e.g. a shorter maximum length) are applied later,
// by the submission pipeline.
import { z } from "zod";
import { NUL_MESSAGE, nulPath } from "@/lib/platform/storable-text";

export const NAME_MAX = 245;
export const EMAIL_MAX = 100;
export const WEBSITE_MAX = 200;
/** The body limit in UTF-8 bytes (a TEXT column's 65,535 less a little headroom). */
export const BODY_MAX_BYTES = 65_525;

const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

// "example.org" or "//example.org" is how people write their site: read it as https://. Anything
// that names another scheme ("javascript:", "ftp://") is left as it is, for the URL check to refuse.
const SCHEME = /^[a-z][a-z0-9+.-]*:(?!\d)/i;

/** A website address as the reader typed it, with https:// in front when it has no scheme. */
export function withWebScheme(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const address = value.trim();
  if (SCHEME.test(address)) return address;
  return `https://${address.replace(/^\/\//, "")}`;
}

export const CommentInputSchema = z
  .object({
    articleId: z.string().trim().min(1, "Say which article the comment is for.").max(100),
    parentId: z.preprocess(blankToUndefined, z.string().trim().min(1).max(100).optional()),
    name: z
      .string()
      .trim()
      .min(1, "Enter your name.")
      .max(NAME_MAX, `Your name can be at most ${NAME_MAX} characters.`),
    email: z
      .string()
      .trim()
      .max(EMAIL_MAX, `Your email address can be at most ${EMAIL_MAX} characters.`)
      .pipe(z.email("Enter a valid email address."))
      .transform((email) => email.toLowerCase()),
    website: z.preprocess(
      (value) => withWebScheme(blankToUndefined(value)),
      z
        .url({ protocol: /^https?$/, error: "Your website must be an http:// or https:// address." })
        .max(WEBSITE_MAX, `Your website address can be at most ${WEBSITE_MAX} characters.`)
        .optional(),
    ),
    body: z
      .string()
      .trim()
      .min(1, "Write something before posting.")
      .refine((body) => utf8Bytes(body) <= BODY_MAX_BYTES, {
        message: `Your comment is too long: the limit is ${BODY_MAX_BYTES} bytes.`,
      }),
    /**
     * Honeypot: hidden from people, so it must stay empty. It is accepted here whatever it holds
     * so that a bot that fills it gets no validation error to learn from; the pipeline marks the
     * comment as spam instead.
     */
    website2: z.preprocess((value) => (value == null ? "" : value), z.string().max(10_000)),
    /** The "mail me replies" box: a confirmation link is mailed; nothing else until it is followed. */
    notifyReplies: z.preprocess(
      (value) => value === true || value === "on" || value === "true" || value === "1",
      z.boolean(),
    ),
  })
  // What is stored or looked up must be storable text (the honeypot is neither, and stays silent).
  .superRefine(({ website2: _honeypot, ...stored }, ctx) => {
    const path = nulPath(stored);
    if (path) ctx.addIssue({ code: "custom", path, message: NUL_MESSAGE });
  });

export type CommentInput = z.input<typeof CommentInputSchema>;
export type ParsedCommentInput = z.output<typeof CommentInputSchema>;
