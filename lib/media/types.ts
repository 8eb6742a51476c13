// A media row as stored, and as the admin screens and the picker see it.
import { z } from "zod";
import { mediaUrl } from "./urls";

/** One resized copy, as kept in Media.variants. */
export const MediaVariantSchema = z.object({
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  storageKey: z.string(),
  contentType: z.string(),
});
export type MediaVariant = z.output<typeof MediaVariantSchema>;
const MediaVariantsSchema = z.array(MediaVariantSchema).catch([]);

/** What clients get: public URLs, never storage keys. */
export interface MediaItem {
  id: string;
  url: string;
  fileName: string;
  contentType: string;
  byteSize: number;
  width: number;
  height: number;
  alt: string;
  sha256: string;
  createdAt: string;
  variants: { width: number; height: number; contentType: string; url: string }[];
}

/** One page of the library, newest first. */
export interface MediaPage {
  items: MediaItem[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** The fields of a Media row that a MediaItem is made from. */
export const mediaItemSelect = {
  id: true,
  storageKey: true,
  fileName: true,
  contentType: true,
  byteSize: true,
  width: true,
  height: true,
  alt: true,
  sha256: true,
  variants: true,
  createdAt: true,
} as const;

export interface MediaRow {
  id: string;
  storageKey: string;
  fileName: string;
  contentType: string;
  byteSize: number;
  width: number;
  height: number;
  alt: string;
  sha256: string;
  variants: unknown;
  createdAt: Date;
}

export function parseVariants(value: unknown): MediaVariant[] {
  return MediaVariantsSchema.parse(value);
}

export function toMediaItem(row: MediaRow): MediaItem {
  return {
    id: row.id,
    url: mediaUrl(row.storageKey),
    fileName: row.fileName,
    contentType: row.contentType,
    byteSize: row.byteSize,
    width: row.width,
    height: row.height,
    alt: row.alt,
    sha256: row.sha256,
    createdAt: row.createdAt.toISOString(),
    variants: parseVariants(row.variants).map(({ storageKey, ...rest }) => ({
      ...rest,
      url: mediaUrl(storageKey),
    })),
  };
}

/** The smallest copy at least `minWidth` wide, else the original: for thumbnails. */
export function thumbnailUrl(item: Pick<MediaItem, "url" | "variants">, minWidth = 320): string {
  const fitting = item.variants.filter((v) => v.width >= minWidth).sort((a, b) => a.width - b.width);
  return fitting[0]?.url ?? item.url;
}
