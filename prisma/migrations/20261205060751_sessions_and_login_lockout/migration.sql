-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KnownLoginAddress" (
    "userId" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "lastSignedInAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KnownLoginAddress_pkey" PRIMARY KEY ("userId","address")
);

-- CreateTable
CREATE TABLE "LoginUnlockToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "LoginUnlockToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE INDEX "Session_lastSeenAt_idx" ON "Session"("lastSeenAt");

-- CreateIndex
CREATE INDEX "KnownLoginAddress_lastSignedInAt_idx" ON "KnownLoginAddress"("lastSignedInAt");

-- CreateIndex
CREATE UNIQUE INDEX "LoginUnlockToken_tokenHash_key" ON "LoginUnlockToken"("tokenHash");

-- CreateIndex
CREATE INDEX "LoginUnlockToken_userId_createdAt_idx" ON "LoginUnlockToken"("userId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "LoginUnlockToken_expiresAt_idx" ON "LoginUnlockToken"("expiresAt");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KnownLoginAddress" ADD CONSTRAINT "KnownLoginAddress_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoginUnlockToken" ADD CONSTRAINT "LoginUnlockToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
