// Child process for the kill test: import a folder, printing progress lines,
// until the parent kills it with SIGKILL.
import { openArchive } from '../../src-main/core/archive/index.js';

const [archive, folder] = process.argv.slice(2);
const a = await openArchive(archive!, { create: true, workers: 2 });
const r = await a.importFolder(folder!, { onProgress: (p) => console.log(`progress ${p.done}`) });
console.log(`finished ${r.imported}`);
a.close();
