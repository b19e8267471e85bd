-- Which articles best match a search, best first?  Titles with the
-- matching words highlighted, a snippet of the body around them, and the
-- bm25 rank (lower is better; a match in the title weighs twice one in
-- the body).  Change the query on the first line: 언어모델 also finds
-- 언어모델을 and 언어 모델, 말하다 finds 말했다; OR, NOT, "phrases", NEAR()
-- and prefix* work as in any FTS5 query.  (Needs sql/news.sql.)
WITH q(query) AS (VALUES ('언어모델 OR 오픈소스'))
SELECT a.id, a.published,
       highlight(articles_fts, 0, '[', ']') AS title,
       snippet(articles_fts, 1, '[', ']', '…', 8) AS snippet,
       round(bm25(articles_fts, 2.0, 1.0), 2) AS rank
FROM q, articles_fts
JOIN articles AS a ON a.id = articles_fts.rowid
WHERE articles_fts MATCH q.query
ORDER BY bm25(articles_fts, 2.0, 1.0), a.id
LIMIT 10;
