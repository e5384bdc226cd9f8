// `npm run bench [-- --quick]`: each area's bench in a process of its own, in
// sequence, so that one area's memory never counts in the next one's peak RSS.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const parts: Record<string, () => Promise<{ bench(): Promise<void> }>> = {
  desktop: () => import('./desktop.js'),
  charts: () => import('./charts.js'),
  export: () => import('./export.js'),
  extract: () => import('./extract.js'),
  archive: () => import('./archive.js'),
  office: () => import('./office.js'),
  hostile: () => import('./hostile.js'),
  viewer: () => import('./viewer.js'),
  quality: () => import('./quality.js'),
};

const at = process.argv.indexOf('--part');
if (at > 0) {
  await (await parts[process.argv[at + 1]!]!()).bench();
} else {
  const extra = process.argv.slice(2);
  let failed = 0;
  for (const name of Object.keys(parts)) {
    console.log(`== ${name}`);
    const r = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--part', name, ...extra], { stdio: 'inherit' });
    if (r.status !== 0) failed++, console.log(`(${name} bench failed: exit ${r.status ?? r.signal})`);
  }
  process.exit(failed ? 1 : 0);
}
