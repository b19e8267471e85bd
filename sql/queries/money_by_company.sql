-- How much money was announced per company and currency?  Each amount is
-- credited to the nearest organization mentioned before it in the same
-- article.  (Needs sql/news.sql's mentions table.)
WITH money AS (
  SELECT m.article_id, m.start, m.value, m.unit, m.entity
  FROM mentions m
  WHERE m.label = 'MONEY' AND m.value IS NOT NULL
),
credited AS (
  SELECT money.*, (
    SELECT o.canonical FROM mentions o
    WHERE o.article_id = money.article_id AND o.label = 'ORG'
      AND o.start < money.start
    ORDER BY o.start DESC LIMIT 1) AS company
  FROM money
)
SELECT company, unit AS currency, count(*) AS amounts, sum(value) AS total
FROM credited
WHERE company IS NOT NULL
GROUP BY company, unit
ORDER BY unit, total DESC;
