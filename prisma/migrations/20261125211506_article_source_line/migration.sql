-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "sourceLine" TEXT;
