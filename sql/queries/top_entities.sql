-- Who and what is mentioned most?  The five most mentioned people,
-- organizations, products and places, with their number of mentions and
-- of articles.  (Needs sql/news.sql's mentions table.)
WITH counts AS (
  SELECT label, canonical, count(*) AS mentions,
         count(DISTINCT article_id) AS articles
  FROM mentions
  WHERE label IN ('PERSON', 'ORG', 'PRODUCT', 'GPE')
  GROUP BY label, canonical
),
ranked AS (
  SELECT *, row_number() OVER (PARTITION BY label
                               ORDER BY mentions DESC, articles DESC,
                                        canonical) AS rank
  FROM counts
)
SELECT label, rank, canonical, mentions, articles
FROM ranked
WHERE rank <= 5
ORDER BY label, rank;
