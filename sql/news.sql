-- news.sql: a schema for a Korean news corpus searched with koai.
--
-- articles holds the text; articles_fts is an external-content FTS5 index
-- over title and body with the `korean` tokenizer, kept in sync by
-- triggers, so the text is stored once and the index can always be rebuilt
-- from it:  INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
-- Needs koai loaded (.load dist/koai).

CREATE TABLE IF NOT EXISTS articles (
  id        INTEGER PRIMARY KEY,
  published TEXT NOT NULL,            -- ISO date, 2024-11-05
  source    TEXT NOT NULL,
  title     TEXT NOT NULL,
  body      TEXT NOT NULL,
  url       TEXT
);

CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
  title, body,
  content = 'articles', content_rowid = 'id',
  tokenize = 'korean'
);

CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;

CREATE TRIGGER IF NOT EXISTS articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, body)
  VALUES ('delete', old.id, old.title, old.body);
END;

CREATE TRIGGER IF NOT EXISTS articles_fts_update AFTER UPDATE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, body)
  VALUES ('delete', old.id, old.title, old.body);
  INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;

-- Entity mentions, one row per entity found by ai_entities, with the
-- article's publication date as the reference date for 어제, 지난해....
-- Kept in sync with articles by triggers, like the index: an article's
-- rows are made again when its body, date or id changes, and go with it
-- (tests/news/check.sh checks both against a fresh computation).
CREATE TABLE IF NOT EXISTS mentions (
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  entity     TEXT NOT NULL,
  label      TEXT NOT NULL,
  canonical  TEXT NOT NULL,
  value      REAL,
  unit       TEXT,
  start      INTEGER NOT NULL,
  end        INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS mentions_by_article ON mentions(article_id);
CREATE INDEX IF NOT EXISTS mentions_by_entity ON mentions(label, canonical);

CREATE TRIGGER IF NOT EXISTS mentions_insert AFTER INSERT ON articles BEGIN
  INSERT INTO mentions(article_id, entity, label, canonical, value, unit, start, end)
  SELECT new.id, e.entity, e.label, e.canonical, e.value, e.unit, e.start, e.end
  FROM ai_entities(new.body, new.published) AS e;
END;

CREATE TRIGGER IF NOT EXISTS mentions_delete AFTER DELETE ON articles BEGIN
  DELETE FROM mentions WHERE article_id = old.id;
END;

CREATE TRIGGER IF NOT EXISTS mentions_update AFTER UPDATE OF id, body, published ON articles BEGIN
  DELETE FROM mentions WHERE article_id = old.id;
  INSERT INTO mentions(article_id, entity, label, canonical, value, unit, start, end)
  SELECT new.id, e.entity, e.label, e.canonical, e.value, e.unit, e.start, e.end
  FROM ai_entities(new.body, new.published) AS e;
END;
