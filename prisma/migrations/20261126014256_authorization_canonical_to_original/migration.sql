-- AlterTable
ALTER TABLE "ReprintAuthorization" ADD COLUMN     "canonicalToOriginal" BOOLEAN NOT NULL DEFAULT false;
