// The one visibility rule, in its two forms: `publicArticleWhere` (Prisma) and `publicArticleSql`
// (raw SQL, for search's ranking and counting). Over every status, publication time, withdrawal
// and grant state, at several moments, both must pick exactly the same articles.
import { beforeAll, describe, expect, it } from "vitest";
import { publicArticleSql, publicArticleWhere, withdrawnArticleWhere } from "@/lib/articles/visibility";
import { db } from "@/lib/platform/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ArticleStatus } from "@/lib/generated/prisma/enums";

const DAY = 86_400_000;
const T0 = new Date("2026-05-01T08:00:00.000Z");
const at = (days: number) => new Date(T0.getTime() + days * DAY);

const ids: string[] = [];

async function article(
  fields: {
    status: ArticleStatus;
    publishedAt: Date | null;
    withdrawnAt?: Date;
    grant?: Omit<Prisma.ReprintAuthorizationUncheckedCreateInput, "sourceId">;
  },
  sourceId: string,
) {
  const authorization = fields.grant
    ? await db.reprintAuthorization.create({ data: { sourceId, ...fields.grant } })
    : null;
  const created = await db.article.create({
    data: {
      slug: `visibility-case-${ids.length + 1}`,
      title: `Visibility case ${ids.length + 1}`,
      body: { type: "doc", content: [] },
      status: fields.status,
      publishedAt: fields.publishedAt,
      withdrawnAt: fields.withdrawnAt ?? null,
      ...(authorization ? { kind: "REPRINT", sourceId, authorizationId: authorization.id } : {}),
    },
  });
  ids.push(created.id);
  return authorization;
}

beforeAll(async () => {
  const source = await db.source.create({
    data: { name: "Visibility source", slug: "visibility-source-test", kind: "WEBSITE" },
  });
  const statuses: ArticleStatus[] = ["DRAFT", "IN_REVIEW", "SCHEDULED", "PUBLISHED", "ARCHIVED"];
  const grants = [
    undefined, // our own piece
    { status: "GRANTED", validFrom: at(-10) },
    { status: "GRANTED", validFrom: at(-10), validUntil: at(0) }, // ends exactly at T0
    { status: "GRANTED", validFrom: at(1) }, // not yet in force
    { status: "GRANTED", validFrom: at(-10), validUntil: at(-1), onTermination: "KEEP_EXISTING" },
    { status: "REVOKED", validFrom: at(-10), revokedAt: at(-1), onTermination: "TAKE_DOWN" },
    { status: "REVOKED", validFrom: at(-10), revokedAt: at(-1), onTermination: "KEEP_EXISTING" },
    { status: "REQUESTED", validFrom: at(-10) },
    { status: "DENIED", validFrom: at(-10), onTermination: "KEEP_EXISTING" },
  ] as const;
  for (const status of statuses) {
    for (const publishedAt of [null, at(-2), at(0), at(2)]) {
      for (const grant of grants) await article({ status, publishedAt, grant }, source.id);
    }
  }
  // Grants ending at T0 renewed (to the rule's depth, and beyond it), by ones in force, only
  // requested, or not yet in force.
  const renewalChains = [
    [{ status: "GRANTED", validFrom: at(0) }],
    [
      { status: "GRANTED", validFrom: at(-1), validUntil: at(0) },
      { status: "GRANTED", validFrom: at(0) },
    ],
    [{ status: "REQUESTED", validFrom: at(0) }],
    [{ status: "GRANTED", validFrom: at(1) }],
    [
      ...Array.from({ length: 3 }, () => ({
        status: "GRANTED" as const,
        validFrom: at(-1),
        validUntil: at(0),
      })),
      { status: "GRANTED", validFrom: at(0) },
    ],
  ] as const;
  for (const chain of renewalChains) {
    const lapsing = await article(
      {
        status: "PUBLISHED",
        publishedAt: at(-2),
        grant: { status: "GRANTED", validFrom: at(-10), validUntil: at(0) },
      },
      source.id,
    );
    let renewsId = lapsing!.id;
    for (const renewal of chain) {
      renewsId = (
        await db.reprintAuthorization.create({ data: { sourceId: source.id, renewsId, ...renewal } })
      ).id;
    }
  }
  await article({ status: "PUBLISHED", publishedAt: at(-2), withdrawnAt: at(-1) }, source.id);
  await article(
    { status: "PUBLISHED", publishedAt: at(-2), withdrawnAt: at(-1), grant: grants[1] },
    source.id,
  );
});

async function byPrisma(where: Prisma.ArticleWhereInput): Promise<string[]> {
  const rows = await db.article.findMany({
    where: { AND: [{ id: { in: ids } }, where] },
    select: { id: true },
  });
  return rows.map((row) => row.id).sort();
}

async function bySql(now: Date): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT a."id" FROM "Article" a WHERE a."id" IN (${Prisma.join(ids)}) AND ${publicArticleSql(now)}`;
  return rows.map((row) => row.id).sort();
}

describe("publicArticleSql and publicArticleWhere", () => {
  for (const [name, now] of [
    ["before anything is in force", at(-20)],
    ["a millisecond before a grant ends", new Date(T0.getTime() - 1)],
    ["the moment a grant ends and a piece is due", T0],
    ["after every publication time", at(5)],
    ["after every renewal has begun", at(2)],
  ] as const) {
    it(`pick the same articles ${name}`, async () => {
      const prisma = await byPrisma(publicArticleWhere(now));
      expect(await bySql(now)).toEqual(prisma);
    });
  }

  it("are not vacuous: some cases are public and some withdrawn", async () => {
    const [visible, withdrawn] = await Promise.all([
      byPrisma(publicArticleWhere(T0)),
      byPrisma(withdrawnArticleWhere(T0)),
    ]);
    expect(visible.length).toBeGreaterThan(10);
    expect(withdrawn.length).toBeGreaterThan(10);
    expect(visible.filter((id) => withdrawn.includes(id))).toEqual([]);
  });
});
