-- demo.sql: the report `make demo` prints over the sample corpus.
.mode box
.headers on

.print
.print '== koai'
SELECT ai_version() AS version;

.print
.print '== Search: 언어모델 (particles stripped, compounds split, best first)'
SELECT a.id, a.title,
       snippet(articles_fts, 1, '[', ']', '…', 8) AS snippet
FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
WHERE articles_fts MATCH '언어모델'
ORDER BY bm25(articles_fts);

.print
.print '== Search: 말하다 (every form of the verb: 말했다, 말한, 말하며)'
SELECT a.id, highlight(articles_fts, 1, '[', ']') AS body
FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
WHERE articles_fts MATCH '말하다'
ORDER BY a.id
LIMIT 4;

.print
.print '== Search: 오픈소스 (written together or apart)'
SELECT a.id, snippet(articles_fts, 1, '[', ']', '…', 6) AS snippet
FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
WHERE articles_fts MATCH '오픈소스'
ORDER BY a.id;

.print
.print '== Analysis: ai_tokens'
SELECT token, tag, lemma, start, end
FROM ai_tokens('삼성전자는 평택 공장에 20조 원을 투자한다고 밝혔다.');

.print
.print '== Most mentioned proper nouns'
SELECT t.lemma AS name, count(*) AS mentions, count(DISTINCT a.id) AS articles
FROM articles a, ai_tokens(a.title || ' ' || a.body) t
WHERE t.tag = 'NNP'
GROUP BY t.lemma
ORDER BY mentions DESC, name
LIMIT 8;
