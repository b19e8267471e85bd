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
