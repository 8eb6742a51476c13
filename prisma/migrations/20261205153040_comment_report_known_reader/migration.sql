-- Reports from new readers (anonymous, or a saved commenter without an approved comment) never
-- hide a comment, however many networks they come from: only known readers' networks count.
-- Reports made before this column existed were known when they were trusted or made by staff.

-- AlterTable
ALTER TABLE "CommentReport" ADD COLUMN     "knownReader" BOOLEAN NOT NULL DEFAULT false;

UPDATE "CommentReport" SET "knownReader" = true WHERE "trusted" OR "reporterUserId" IS NOT NULL;
