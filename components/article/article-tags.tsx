import Link from "next/link";
import { TAG_KIND_PLURALS } from "@/components/search/tag-kinds";
import type { TagKind } from "@/lib/generated/prisma/enums";
import { tagPath } from "@/lib/seo/urls";
import { TAG_KINDS } from "@/lib/taxonomy/kinds";
import styles from "./article.module.css";

interface TagEntry {
  tag: { name: string; slug: string; kind: TagKind };
}

/** Tags in the order the editor gave them, in one group per kind present: Topics, People, Places, Organizations. */
export function groupTagsByKind(tags: readonly TagEntry[]) {
  return TAG_KINDS.map((kind) => ({
    kind,
    label: TAG_KIND_PLURALS[kind],
    tags: tags.filter(({ tag }) => tag.kind === kind).map(({ tag }) => tag),
  })).filter((group) => group.tags.length > 0);
}

export function ArticleTags({ tags }: { tags: readonly TagEntry[] }) {
  const groups = groupTagsByKind(tags);
  if (groups.length === 0) return null;
  return (
    <nav className={styles.tags} aria-label="Tags">
      {groups.map((group) => {
        const id = `tags-${group.kind.toLowerCase()}`;
        return (
          <div key={group.kind} data-testid={id}>
            <h2 className={styles.sectionTitle} id={id}>
              {group.label}
            </h2>
            <ul className={styles.tagList} aria-labelledby={id}>
              {group.tags.map((tag) => (
                <li key={tag.slug}>
                  <Link href={tagPath(tag.slug)}>{tag.name}</Link>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </nav>
  );
}
