-- Search finds every word a reader sees. The PostgreSQL text parser reads `<` as the start of an
-- HTML tag and `&` as the start of an entity, and swallows what follows some of them: a title made
-- of an unclosed script tag, an alert call and the word commentary gave no words at all. Titles,
-- excerpts and body text are plain text, shown as written, so these characters are read as spaces
-- (lib/search/query.ts does the same to queries). PostgreSQL 15 cannot change the expression of a
-- generated column, so the column and its index are made again, which indexes every article anew.

-- DropIndex
DROP INDEX IF EXISTS "Article_searchVector_idx";

-- AlterTable
ALTER TABLE "Article" DROP COLUMN "searchVector";
ALTER TABLE "Article" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, translate(coalesce("title", ''), '<>&', '   ')), 'A') ||
    setweight(to_tsvector('english'::regconfig, translate(coalesce("excerpt", ''), '<>&', '   ')), 'B') ||
    setweight(to_tsvector('english'::regconfig, translate(coalesce("bodyText", ''), '<>&', '   ')), 'C')
) STORED;

-- CreateIndex
CREATE INDEX "Article_searchVector_idx" ON "Article" USING GIN ("searchVector");
