-- Which organizations and products appear together in the same article,
-- and how often?  (Needs sql/news.sql's mentions table.)
SELECT a.canonical AS org, b.canonical AS product,
       count(DISTINCT a.article_id) AS articles
FROM mentions a
JOIN mentions b ON b.article_id = a.article_id
WHERE a.label = 'ORG' AND b.label = 'PRODUCT'
GROUP BY a.canonical, b.canonical
ORDER BY articles DESC, org, product
LIMIT 30;
