-- Which keywords characterize each month's news?  Each article's five
-- best keywords against the whole corpus (ai_keywords with articles_fts,
-- so that words found in most articles rank low) are added up by month;
-- the three heaviest of each month are shown, with the number of
-- articles (×2, ×3) when more than one has it.  (Needs sql/news.sql.)
WITH keywords AS (
  SELECT substr(a.published, 1, 7) AS month, k.keyword, k.score
  FROM articles AS a,
       ai_keywords(a.title || char(10) || a.body, 5, 'articles_fts') AS k
),
by_month AS (
  SELECT month, keyword, count(*) AS articles, sum(score) AS weight
  FROM keywords
  GROUP BY month, keyword
),
ranked AS (
  SELECT *, row_number() OVER (PARTITION BY month
                               ORDER BY weight DESC, keyword) AS rank
  FROM by_month
)
SELECT month,
       (SELECT count(*) FROM articles
        WHERE substr(published, 1, 7) = top.month) AS articles,
       group_concat(keyword || CASE WHEN articles > 1 THEN ' ×' || articles
                                    ELSE '' END, ', ') AS keywords
FROM (SELECT * FROM ranked WHERE rank <= 3 ORDER BY month, rank) AS top
GROUP BY month
ORDER BY month;
