-- How do mentions of each organization evolve month by month?
-- (Needs sql/news.sql's mentions table.)
SELECT substr(a.published, 1, 7) AS month, m.canonical AS org,
       count(*) AS mentions
FROM mentions m JOIN articles a ON a.id = m.article_id
WHERE m.label = 'ORG'
GROUP BY month, org
ORDER BY month, mentions DESC, org;
