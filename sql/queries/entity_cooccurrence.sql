-- Which people, organizations, products and places are named in the same
-- sentence, and how often?  ai_sentences cuts each body into sentences;
-- a mention belongs to the sentence whose span holds it (both give
-- character offsets into the body).  A pair counts once per sentence.
-- (Needs sql/news.sql's mentions table.)
WITH sentences AS MATERIALIZED (
  SELECT a.id AS article_id, s.start, s.end
  FROM articles AS a, ai_sentences(a.body) AS s
),
named AS MATERIALIZED (
  SELECT DISTINCT s.article_id, s.start AS sentence, m.label, m.canonical
  FROM sentences AS s
  JOIN mentions AS m
    ON m.article_id = s.article_id AND m.start >= s.start AND m.end <= s.end
  WHERE m.label IN ('PERSON', 'ORG', 'PRODUCT', 'GPE')
)
SELECT x.canonical || ' + ' || y.canonical AS pair,
       x.label || ' + ' || y.label AS labels,
       count(*) AS sentences,
       count(DISTINCT x.article_id) AS articles
FROM named AS x
JOIN named AS y
  ON y.article_id = x.article_id AND y.sentence = x.sentence
 AND (x.label, x.canonical) < (y.label, y.canonical)
GROUP BY x.label, x.canonical, y.label, y.canonical
ORDER BY sentences DESC, articles DESC, pair
LIMIT 15;
