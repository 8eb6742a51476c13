-- CreateEnum
CREATE TYPE "NoticeStatus" AS ENUM ('RECEIVED', 'UNDER_REVIEW', 'ACTIONED', 'REJECTED', 'COUNTER_NOTICE', 'RESTORED');

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "withdrawnNoticeId" TEXT;

-- CreateTable
CREATE TABLE "RightsNotice" (
    "id" TEXT NOT NULL,
    "serial" SERIAL NOT NULL,
    "caseNumber" TEXT NOT NULL,
    "status" "NoticeStatus" NOT NULL DEFAULT 'RECEIVED',
    "claimantName" TEXT NOT NULL,
    "organisation" TEXT,
    "contactEmail" TEXT NOT NULL,
    "workTitle" TEXT NOT NULL,
    "workUrl" TEXT NOT NULL,
    "details" TEXT NOT NULL DEFAULT '',
    "signature" TEXT NOT NULL,
    "goodFaithStatement" BOOLEAN NOT NULL,
    "accuracyStatement" BOOLEAN NOT NULL,
    "ipHash" TEXT,
    "rejectionReason" TEXT,
    "actionedAt" TIMESTAMP(3),
    "counterNoticeAt" TIMESTAMP(3),
    "restoreDueAt" TIMESTAMP(3),
    "claimantAnsweredAt" TIMESTAMP(3),
    "restoredAt" TIMESTAMP(3),
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RightsNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RightsNoticeArticle" (
    "noticeId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "url" TEXT NOT NULL,

    CONSTRAINT "RightsNoticeArticle_pkey" PRIMARY KEY ("noticeId","articleId")
);

-- CreateTable
CREATE TABLE "RightsNoticeEvent" (
    "id" TEXT NOT NULL,
    "noticeId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "fromStatus" "NoticeStatus",
    "toStatus" "NoticeStatus",
    "note" TEXT,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RightsNoticeEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RightsNotice_serial_key" ON "RightsNotice"("serial");

-- CreateIndex
CREATE UNIQUE INDEX "RightsNotice_caseNumber_key" ON "RightsNotice"("caseNumber");

-- CreateIndex
CREATE INDEX "RightsNotice_status_receivedAt_idx" ON "RightsNotice"("status", "receivedAt");

-- CreateIndex
CREATE INDEX "RightsNotice_status_restoreDueAt_idx" ON "RightsNotice"("status", "restoreDueAt");

-- CreateIndex
CREATE INDEX "RightsNoticeArticle_articleId_idx" ON "RightsNoticeArticle"("articleId");

-- CreateIndex
CREATE INDEX "RightsNoticeEvent_noticeId_createdAt_idx" ON "RightsNoticeEvent"("noticeId", "createdAt");

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_withdrawnNoticeId_fkey" FOREIGN KEY ("withdrawnNoticeId") REFERENCES "RightsNotice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RightsNoticeArticle" ADD CONSTRAINT "RightsNoticeArticle_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "RightsNotice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RightsNoticeArticle" ADD CONSTRAINT "RightsNoticeArticle_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RightsNoticeEvent" ADD CONSTRAINT "RightsNoticeEvent_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "RightsNotice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RightsNoticeEvent" ADD CONSTRAINT "RightsNoticeEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
