// What an evidence file really is, from its first bytes: the name and the browser's declared
// type are the uploader's word. A PDF starts with "%PDF-"; images are recognised as the media
// library recognises them (AVIF is not accepted as evidence).
import { detectImageType } from "@/lib/media/detect-type";

export interface EvidenceFileType {
  kind: "pdf" | "png" | "jpeg" | "webp";
  contentType: "application/pdf" | "image/png" | "image/jpeg" | "image/webp";
  extension: "pdf" | "png" | "jpg" | "webp";
  isImage: boolean;
}

const PDF: EvidenceFileType = {
  kind: "pdf",
  contentType: "application/pdf",
  extension: "pdf",
  isImage: false,
};
const PDF_SIGNATURE = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

export function detectEvidenceType(bytes: Uint8Array): EvidenceFileType | null {
  if (bytes.length >= PDF_SIGNATURE.length && PDF_SIGNATURE.every((b, i) => bytes[i] === b)) return PDF;
  const image = detectImageType(bytes);
  if (!image || image.kind === "avif") return null;
  return {
    kind: image.kind,
    contentType: image.contentType as EvidenceFileType["contentType"],
    extension: image.extension as EvidenceFileType["extension"],
    isImage: true,
  };
}

/** A name to show and to offer on download: its last path segment, without control characters. */
export function cleanEvidenceFileName(fileName: string, type: EvidenceFileType): string {
  const name = (fileName.split(/[\\/]/).pop() ?? "")
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim()
    .slice(0, 255);
  return name || `evidence.${type.extension}`;
}
