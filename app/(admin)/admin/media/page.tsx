import Link from "next/link";
import { MediaCard } from "@/components/admin/media/media-card";
import styles from "@/components/admin/media/media.module.css";
import { UploadMediaForm } from "@/components/admin/media/upload-form";
import { requirePagePermission } from "@/lib/platform/page-guard";
import { listMedia } from "@/lib/media/list-media";
import { ListMediaQuerySchema } from "@/lib/media/rules";

export const metadata = { title: "Media" };

const PAGE_SIZE = 30;

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function MediaPage({ searchParams }: Props) {
  await requirePagePermission("media.upload", "/admin/media");
  const query = ListMediaQuerySchema.parse({ ...(await searchParams), limit: PAGE_SIZE });
  const { items, nextCursor } = await listMedia(query);
  const olderHref = nextCursor
    ? `/admin/media?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), cursor: nextCursor })}`
    : null;
  return (
    <>
      <h1>Media</h1>
      <h2>Upload an image</h2>
      <UploadMediaForm />
      <h2>Library</h2>
      <form className="filters" method="get" role="search">
        <label>
          File name or alt text <input name="q" type="search" defaultValue={query.q} maxLength={200} />
        </label>
        <button type="submit">Search</button>
      </form>
      {items.length === 0 ? (
        <p className="meta">{query.q ? "No images match." : "No images yet."}</p>
      ) : (
        <ul className={styles.grid}>
          {items.map((media) => (
            <MediaCard key={media.id} media={media} />
          ))}
        </ul>
      )}
      <nav className="pagination" aria-label="Pages">
        {query.cursor && (
          <Link href={query.q ? `/admin/media?q=${encodeURIComponent(query.q)}` : "/admin/media"}>
            Newest
          </Link>
        )}
        {olderHref && <Link href={olderHref}>Older</Link>}
      </nav>
    </>
  );
}
