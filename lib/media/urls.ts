// Public addresses of stored media: app/media/[...key] serves the key "media/…" at "/media/…".

/** The public path of a storage key under "media/". */
export function mediaUrl(storageKey: string): string {
  return `/${storageKey}`;
}

/** A srcset of resized copies, e.g. for <img srcSet>; empty when there are none. */
export function mediaSrcSet(variants: readonly { width: number; url: string }[]): string {
  return variants.map((v) => `${v.url} ${v.width}w`).join(", ");
}
