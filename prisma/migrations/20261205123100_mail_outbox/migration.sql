-- CreateEnum
CREATE TYPE "MailStatus" AS ENUM ('QUEUED', 'SENDING', 'SENT', 'FAILED', 'HELD');

-- CreateEnum
CREATE TYPE "ReplySubscriptionStatus" AS ENUM ('PENDING', 'CONFIRMED', 'UNSUBSCRIBED');

-- CreateTable
CREATE TABLE "OutboundMail" (
    "id" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "headers" JSONB NOT NULL DEFAULT '{}',
    "dedupeKey" TEXT,
    "status" "MailStatus" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "nextAttemptAt" TIMESTAMP(3),
    "claimedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "OutboundMail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommentReplySubscription" (
    "id" TEXT NOT NULL,
    "commentId" TEXT NOT NULL,
    "status" "ReplySubscriptionStatus" NOT NULL DEFAULT 'PENDING',
    "confirmTokenHash" TEXT NOT NULL,
    "unsubscribeTokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" TIMESTAMP(3),
    "unsubscribedAt" TIMESTAMP(3),

    CONSTRAINT "CommentReplySubscription_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OutboundMail_dedupeKey_key" ON "OutboundMail"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutboundMail_status_nextAttemptAt_idx" ON "OutboundMail"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboundMail_createdAt_idx" ON "OutboundMail"("createdAt" DESC);

-- CreateIndex
CREATE INDEX "OutboundMail_kind_createdAt_idx" ON "OutboundMail"("kind", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "CommentReplySubscription_commentId_key" ON "CommentReplySubscription"("commentId");

-- CreateIndex
CREATE UNIQUE INDEX "CommentReplySubscription_confirmTokenHash_key" ON "CommentReplySubscription"("confirmTokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "CommentReplySubscription_unsubscribeTokenHash_key" ON "CommentReplySubscription"("unsubscribeTokenHash");

-- AddForeignKey
ALTER TABLE "CommentReplySubscription" ADD CONSTRAINT "CommentReplySubscription_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
