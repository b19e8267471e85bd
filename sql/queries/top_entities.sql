-- Which people, organizations, products and places are mentioned most, and
-- in how many articles?  (Needs sql/news.sql's mentions table.)
SELECT label, canonical, count(*) AS mentions,
       count(DISTINCT article_id) AS articles
FROM mentions
WHERE label IN ('PERSON', 'ORG', 'PRODUCT', 'GPE')
GROUP BY label, canonical
ORDER BY label, mentions DESC, canonical
LIMIT 40;
