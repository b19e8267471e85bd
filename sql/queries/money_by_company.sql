-- How much money is mentioned with each company, per currency?  Each
-- amount goes to an organization named in its sentence: the first one
-- named before it (in Korean news, usually the subject: 오픈AI가 소프트뱅크
-- 주도로 400억 달러를 유치한다), else the nearest one after it; in a
-- sentence without one ("회사는 … 7조 원을 기록했다"), to the last one
-- named before that sentence.  Sentences come from ai_sentences; vague
-- amounts (수십억 달러) have no value and are left out.  (Needs
-- sql/news.sql's mentions table.)
WITH amounts AS MATERIALIZED (
  SELECT m.rowid AS id, m.article_id, m.start, m.value, m.unit,
         s.start AS s_start, s.end AS s_end
  FROM mentions AS m
  JOIN articles AS a ON a.id = m.article_id
  JOIN ai_sentences(a.body) AS s ON m.start >= s.start AND m.start < s.end
  WHERE m.label = 'MONEY' AND m.value IS NOT NULL
),
candidates AS (
  SELECT am.id, o.canonical, 0 AS tier, o.start > am.start AS after,
         CASE WHEN o.start > am.start THEN o.start - am.start
              ELSE o.start END AS rank
  FROM amounts AS am
  JOIN mentions AS o
    ON o.article_id = am.article_id AND o.label = 'ORG'
   AND o.start >= am.s_start AND o.end <= am.s_end
  UNION ALL
  SELECT am.id, o.canonical, 1, 0, am.start - o.start
  FROM amounts AS am
  JOIN mentions AS o
    ON o.article_id = am.article_id AND o.label = 'ORG'
   AND o.start < am.s_start
),
credited AS (
  SELECT id, canonical AS company,
         row_number() OVER (PARTITION BY id
                            ORDER BY tier, after, rank) AS choice
  FROM candidates
)
SELECT c.company, am.unit AS currency, count(*) AS amounts,
       printf('%,d', CAST(sum(am.value) AS INTEGER)) AS total
FROM amounts AS am
JOIN credited AS c ON c.id = am.id AND c.choice = 1
GROUP BY c.company, am.unit
ORDER BY am.unit, sum(am.value) DESC, c.company;
