-- Reader reports queue a comment for review, and only trusted or many reporters hide it. Each report
-- keeps who made it and what moderators made of it.

-- CreateEnum
CREATE TYPE "CommentReportOutcome" AS ENUM ('UPHELD', 'DISMISSED');

-- DropIndex
DROP INDEX "CommentReport_commentId_idx";

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "reportHiddenAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "CommentReport" ADD COLUMN     "addressHash" TEXT,
ADD COLUMN     "networkHash" TEXT,
ADD COLUMN     "outcome" "CommentReportOutcome",
ADD COLUMN     "reporterEmailHash" TEXT,
ADD COLUMN     "reporterKey" TEXT,
ADD COLUMN     "reporterUserId" TEXT,
ADD COLUMN     "resolvedAt" TIMESTAMP(3),
ADD COLUMN     "trusted" BOOLEAN NOT NULL DEFAULT false;

-- Earlier reports kept only the keyed hash of the reporter's address (IPv6 by its /64): it
-- becomes their address, network and identity. "ipHash" now means the hash of the IP itself,
-- as the comment pipeline keeps it, which those reports never had.
UPDATE "CommentReport"
SET "addressHash" = COALESCE("ipHash", 'unknown:' || "id"),
    "networkHash" = COALESCE("ipHash", 'unknown:' || "id"),
    "reporterKey" = COALESCE("ipHash", 'unknown:' || "id"),
    "ipHash" = NULL;

-- What moderators already decided: a removed comment upheld its reports, an approved one whose
-- count was cleared had them dismissed. The rest stay open.
UPDATE "CommentReport" AS r
SET "outcome" = CASE WHEN c."status" IN ('SPAM', 'TRASH') THEN 'UPHELD'::"CommentReportOutcome"
                     ELSE 'DISMISSED'::"CommentReportOutcome" END,
    "resolvedAt" = c."updatedAt"
FROM "Comment" AS c
WHERE c."id" = r."commentId"
  AND (c."status" IN ('SPAM', 'TRASH') OR (c."status" = 'APPROVED' AND c."reportCount" = 0));

-- Comments the old rule (three reports) had taken off the page stay off until a moderator decides.
UPDATE "Comment" SET "reportHiddenAt" = "updatedAt" WHERE "status" = 'APPROVED' AND "reportCount" >= 3;

ALTER TABLE "CommentReport" ALTER COLUMN "addressHash" SET NOT NULL,
ALTER COLUMN "networkHash" SET NOT NULL,
ALTER COLUMN "reporterKey" SET NOT NULL;

-- CreateIndex
CREATE INDEX "CommentReport_reporterKey_outcome_idx" ON "CommentReport"("reporterKey", "outcome");

-- CreateIndex
CREATE INDEX "CommentReport_commentId_outcome_idx" ON "CommentReport"("commentId", "outcome");

-- CreateIndex
CREATE UNIQUE INDEX "CommentReport_commentId_reporterKey_key" ON "CommentReport"("commentId", "reporterKey");

-- CreateIndex
CREATE UNIQUE INDEX "CommentReport_commentId_addressHash_key" ON "CommentReport"("commentId", "addressHash");

-- AddForeignKey
ALTER TABLE "CommentReport" ADD CONSTRAINT "CommentReport_reporterUserId_fkey" FOREIGN KEY ("reporterUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
