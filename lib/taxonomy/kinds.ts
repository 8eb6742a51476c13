// Tag kinds and their labels; free of server code so client forms can use them.
import type { TagKind } from "@/lib/generated/prisma/enums";

export const TAG_KINDS = ["TOPIC", "PERSON", "PLACE", "ORGANIZATION"] as const satisfies readonly TagKind[];

export const TAG_KIND_LABELS: Record<TagKind, string> = {
  TOPIC: "Topic",
  PERSON: "Person",
  PLACE: "Place",
  ORGANIZATION: "Organization",
};
