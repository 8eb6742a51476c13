-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "alignedOriginalRevision" INTEGER,
ADD COLUMN     "alignment" JSONB,
ADD COLUMN     "confirmedHeadline" TEXT;

-- AlterTable
ALTER TABLE "ReprintAuthorization" ADD COLUMN     "omissionAllowed" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "RightsCheck" ADD COLUMN     "details" JSONB NOT NULL DEFAULT '[]';

-- CreateTable
CREATE TABLE "OriginalRevision" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "language" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" JSONB NOT NULL,
    "bodyText" TEXT NOT NULL,
    "url" TEXT,
    "authorLine" TEXT NOT NULL DEFAULT '',
    "publishedOn" DATE,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OriginalRevision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OriginalRevision_articleId_revision_key" ON "OriginalRevision"("articleId", "revision");

-- AddForeignKey
ALTER TABLE "OriginalRevision" ADD CONSTRAINT "OriginalRevision_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OriginalRevision" ADD CONSTRAINT "OriginalRevision_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
