-- Search in Chinese, Japanese and Korean. The text search splits words at spaces and punctuation,
-- which these scripts do not use, so a term such as a two-character name is never a word of its
-- own. Queries in these scripts are matched as substrings instead (ILIKE), helped by trigram
-- indexes on what they search: the article's title, excerpt and body text, and the title and body
-- text of its kept original. pg_trgm is a trusted extension (no superuser needed), and the
-- embedded database loads its module at start (lib/platform/database/embedded.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Article_title_trgm_idx" ON "Article" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Article_excerpt_trgm_idx" ON "Article" USING GIN ("excerpt" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Article_bodyText_trgm_idx" ON "Article" USING GIN ("bodyText" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "OriginalRevision_title_trgm_idx" ON "OriginalRevision" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "OriginalRevision_bodyText_trgm_idx" ON "OriginalRevision" USING GIN ("bodyText" gin_trgm_ops);
