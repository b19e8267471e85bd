-- What was in the news each month?  For every month and label, the three
-- most mentioned entities, with their mentions in parentheses.  (Needs
-- sql/news.sql's mentions table.)
WITH counts AS (
  SELECT substr(a.published, 1, 7) AS month, m.label, m.canonical,
         count(*) AS mentions
  FROM mentions AS m
  JOIN articles AS a ON a.id = m.article_id
  WHERE m.label IN ('PERSON', 'ORG', 'PRODUCT', 'GPE')
  GROUP BY month, m.label, m.canonical
),
ranked AS (
  SELECT *, row_number() OVER (PARTITION BY month, label
                               ORDER BY mentions DESC, canonical) AS rank
  FROM counts
)
SELECT month, label,
       group_concat(canonical || ' (' || mentions || ')', ', ') AS top
FROM (SELECT * FROM ranked WHERE rank <= 3 ORDER BY month, label, rank)
GROUP BY month, label
ORDER BY month, label;
