-- demo.sql: the report `make demo` prints over the sample corpus
-- (sql/sample/articles.sql, in sql/news.sql's schema).  Each section after
-- the first is one of the analyst queries of sql/queries/, which say what
-- they answer and how.
.mode box
.headers on

.print '== The corpus'
SELECT count(*) AS articles, min(published) AS first, max(published) AS last,
       count(DISTINCT source) AS sources,
       (SELECT count(*) FROM mentions) AS mentions
FROM articles;

.print
.print '== Search: 언어모델 OR 오픈소스, best first (queries/search.sql)'
.read sql/queries/search.sql

.print
.print '== Most mentioned, by label (queries/top_entities.sql)'
.read sql/queries/top_entities.sql

.print
.print '== Named in the same sentence (queries/entity_cooccurrence.sql)'
.read sql/queries/entity_cooccurrence.sql

.print
.print '== Money by company and currency (queries/money_by_company.sql)'
.read sql/queries/money_by_company.sql

.print
.print '== Keywords of the whole corpus (ai_keywords, dictionary prior)'
SELECT keyword, round(score, 1) AS score
FROM ai_keywords((SELECT group_concat(title || char(10) || body, char(10))
                  FROM articles), 10);

.print
.print '== Keywords by month, against the corpus (queries/keyword_trends.sql)'
.read sql/queries/keyword_trends.sql
