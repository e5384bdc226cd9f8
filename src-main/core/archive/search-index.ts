// The full-text index is built behind the imports, in bulk: an import stores
// each report's text and its search form, and indexBacklog() indexes what is
// not yet in file_fts (during an import every few thousand reports, at its
// end, and on opening an archive, which also finishes what a killed import
// left). Each chunk and the high-water mark move together in one transaction,
// so the index never holds a file twice or misses one below the mark.
import { normalize, searchForm } from '../normalize/index.js';
import { st, type DB } from './db.js';

const CHUNK = 4096;

export function indexedUpto(db: DB): number {
  return (st(db, 'SELECT indexed_upto AS n FROM search_index WHERE id = 1').get() as { n: number } | undefined)?.n ?? 0;
}

/** Files whose text is stored but not yet in the search index. */
export function backlog(db: DB): number {
  return (st(db, 'SELECT COUNT(*) AS n FROM file_text WHERE file_id > (SELECT indexed_upto FROM search_index WHERE id = 1)').get() as { n: number }).n;
}

/** Index the backlog, at most about `max` files (all by default); returns how many were indexed. */
export function indexBacklog(db: DB, max = Infinity): number {
  let done = 0;
  while (done < max) {
    const n = db
      .transaction(() => {
        const from = indexedUpto(db);
        const upto = (
          st(db, 'SELECT MAX(file_id) AS m FROM (SELECT file_id FROM file_text WHERE file_id > ? ORDER BY file_id LIMIT ?)').get(from, CHUNK) as {
            m: number | null;
          }
        ).m;
        if (upto === null) return 0;
        // Rows stored before search forms existed (an archive from an older version).
        const missing = st(db, 'SELECT file_id, text FROM file_text WHERE file_id > ? AND file_id <= ? AND search IS NULL').all(from, upto) as {
          file_id: number;
          text: string;
        }[];
        const set = st(db, 'UPDATE file_text SET search = ? WHERE file_id = ?');
        for (const m of missing) set.run(searchForm(normalize(m.text).text), m.file_id);
        const r = st(db, 'INSERT INTO file_fts (rowid, search) SELECT file_id, search FROM file_text WHERE file_id > ? AND file_id <= ?').run(from, upto);
        st(db, 'UPDATE search_index SET indexed_upto = ? WHERE id = 1').run(upto);
        return r.changes;
      })
      .immediate();
    if (n === 0) break;
    done += n;
  }
  return done;
}
