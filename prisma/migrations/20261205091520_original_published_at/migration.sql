-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "originalPublishedAt" DATE;
