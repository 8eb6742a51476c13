// What an upload must be, shared by the server and the upload forms.
import { z } from "zod";
import { isStorableText } from "@/lib/platform/storable-text";

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Decoding cost grows with pixels, not bytes: a small file can unpack to gigabytes. */
export const MAX_IMAGE_PIXELS = 50_000_000;
/** Widths of the WebP copies made of each image, when the image is wider. */
export const VARIANT_WIDTHS = [320, 640, 1280, 1920] as const;
export const MAX_ALT_LENGTH = 300;
/** What the file input should offer; the server decides from the bytes, not from this. */
export const ACCEPTED_IMAGE_TYPES = "image/jpeg,image/png,image/webp,image/avif";

export const MEDIA_MESSAGES = {
  noFile: "Choose an image to upload.",
  empty: "This file is empty.",
  tooLarge: "This file is larger than 10 MB. Make it smaller, then upload it again.",
  wrongType: "Only JPEG, PNG, WebP and AVIF images can be uploaded.",
  unreadable: "This image could not be read: the file may be damaged.",
  tooManyPixels: "This image has more than 50 megapixels. Scale it down, then upload it again.",
  altRequired: "Describe the image for readers who cannot see it (alt text).",
  altTooLong: `Keep the alt text under ${MAX_ALT_LENGTH} characters.`,
  notFound: "That image no longer exists.",
} as const;

export const AltTextSchema = z
  .string({ error: MEDIA_MESSAGES.altRequired })
  .trim()
  .min(1, MEDIA_MESSAGES.altRequired)
  .max(MAX_ALT_LENGTH, MEDIA_MESSAGES.altTooLong);

const mediaId = z.string({ error: "Missing image id." }).trim().min(1, "Missing image id.").max(64);

/** The multipart body of POST /api/admin/media. */
export const UploadMediaSchema = z.object({
  file: z.instanceof(File, { message: MEDIA_MESSAGES.noFile }),
  alt: AltTextSchema,
});
export const UpdateMediaAltSchema = z.object({ mediaId, alt: AltTextSchema });
export const DeleteMediaSchema = z.object({ mediaId });

/** The query of GET /api/admin/media and /admin/media; anything malformed is dropped. */
export const ListMediaQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .max(200)
    .refine(isStorableText)
    .optional()
    .transform((v) => v || undefined)
    .catch(undefined),
  cursor: z.string().max(200).optional().catch(undefined),
  limit: z.coerce.number().int().min(1).max(60).default(24).catch(24),
});

export type ListMediaQuery = z.input<typeof ListMediaQuerySchema>;
