-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "originalPublished" BOOLEAN NOT NULL DEFAULT false;
