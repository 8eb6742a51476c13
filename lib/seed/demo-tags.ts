import type { TagKind } from "@/lib/generated/prisma/enums";

/** The people, places, organizations and topics the demo reprint names. */
export const DEMO_TAGS: ReadonlyArray<{
  name: string;
  kind: TagKind;
  description?: string;
  /** Other spellings the text uses. */
  aliases?: string[];
}> = [
  { name: "China–Japan relations", kind: "TOPIC" },
  { name: "Cross-Strait relations", kind: "TOPIC" },
  { name: "Defense policy", kind: "TOPIC" },
  { name: "Taiwan", kind: "PLACE" },
  { name: "Japan", kind: "PLACE" },
  { name: "China", kind: "PLACE" },
  { name: "Taiwan Strait", kind: "PLACE" },
  { name: "United States", kind: "PLACE" },
  { name: "Okinawa", kind: "PLACE" },
  { name: "Diaoyu Islands", kind: "PLACE", aliases: ["Diaoyu island"] },
  { name: "Ukraine", kind: "PLACE" },
  { name: "Russia", kind: "PLACE" },
  { name: "Shinzo Abe", kind: "PERSON" },
  { name: "Fumio Kishida", kind: "PERSON" },
  { name: "Yang Jiechi", kind: "PERSON" },
  { name: "Tsai Ing-wen", kind: "PERSON" },
  { name: "Japan–Taiwan Exchange Association", kind: "ORGANIZATION" },
  { name: "Ministry of Defense", kind: "ORGANIZATION", description: "Japan's Ministry of Defense." },
  { name: "NATO", kind: "ORGANIZATION" },
  { name: "Liberal Democratic Party", kind: "ORGANIZATION" },
  { name: "CPC Central Committee", kind: "ORGANIZATION" },
];
