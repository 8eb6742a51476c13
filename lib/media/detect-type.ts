// What an uploaded file really is, from its first bytes: the name and the browser's declared
// type are the uploader's word, and an HTML or SVG page must never pass for an image.

export type ImageKind = "jpeg" | "png" | "webp" | "avif";

export interface ImageType {
  kind: ImageKind;
  contentType: `image/${ImageKind}`;
  extension: "jpg" | "png" | "webp" | "avif";
}

export const IMAGE_TYPES: Readonly<Record<ImageKind, ImageType>> = {
  jpeg: { kind: "jpeg", contentType: "image/jpeg", extension: "jpg" },
  png: { kind: "png", contentType: "image/png", extension: "png" },
  webp: { kind: "webp", contentType: "image/webp", extension: "webp" },
  avif: { kind: "avif", contentType: "image/avif", extension: "avif" },
};

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

/** AVIF is an ISO-BMFF file whose leading "ftyp" box names the "avif" or "avis" brand. */
function isAvif(bytes: Uint8Array): boolean {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== "ftyp") return false;
  const boxSize = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
  if (boxSize < 16 || boxSize > bytes.length || boxSize > 4096) return false;
  const brands = [ascii(bytes, 8, 12)];
  for (let offset = 16; offset + 4 <= boxSize; offset += 4) brands.push(ascii(bytes, offset, offset + 4));
  return brands.includes("avif") || brands.includes("avis");
}

/** The image type of `bytes` when they are a JPEG, PNG, WebP or AVIF file; otherwise null. */
export function detectImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return IMAGE_TYPES.jpeg;
  if (startsWith(bytes, PNG_SIGNATURE)) return IMAGE_TYPES.png;
  if (bytes.length >= 16 && ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP")
    return IMAGE_TYPES.webp;
  if (isAvif(bytes)) return IMAGE_TYPES.avif;
  return null;
}
