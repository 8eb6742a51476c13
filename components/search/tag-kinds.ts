import type { TagKind } from "@/lib/generated/prisma/enums";

export const TAG_KIND_PLURALS: Record<TagKind, string> = {
  TOPIC: "Topics",
  PERSON: "People",
  PLACE: "Places",
  ORGANIZATION: "Organizations",
};
