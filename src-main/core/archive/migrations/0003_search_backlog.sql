-- Search, version 2.
-- 1. Search matches a normalised form of the text (file_text.search:
--    simplified, pinyin notes dropped, spaces inside Chinese removed), so
--    广州市商务局 finds a report printed as 廣州市商務(wù)局. The original text
--    stays in file_text.text for display and provenance.
-- 2. The index is filled after the rows it indexes, in bulk (indexing report
--    by report was ~40% of an import's database time). Every file_text row
--    with file_id <= indexed_upto is in file_fts; rows above it are the
--    backlog, which searches find by LIKE until it is indexed. The backlog
--    (here: every existing file, whose search form the application computes)
--    is indexed when the archive is opened and during imports.
ALTER TABLE file_text ADD COLUMN search TEXT;
DROP TABLE file_fts;
CREATE VIRTUAL TABLE file_fts USING fts5(search, content = 'file_text', content_rowid = 'file_id', tokenize = 'trigram');
CREATE TABLE search_index (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  indexed_upto INTEGER NOT NULL
);
INSERT INTO search_index (id, indexed_upto) VALUES (1, 0);
