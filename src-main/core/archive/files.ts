// The content-addressed folder beside the database: `<archive>.files/ab/cdef…`.
import { join } from 'node:path';

export const filesDirOf = (dbPath: string) => `${dbPath}.files`;

export function storedPath(filesDir: string, sha256: string): string {
  return join(filesDir, sha256.slice(0, 2), sha256.slice(2));
}
