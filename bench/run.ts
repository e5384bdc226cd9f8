// `npm run bench [-- --quick]`: each area's bench in sequence, printing figures.
const parts: [string, () => Promise<{ bench(): Promise<void> }>][] = [
  ['desktop', () => import('./desktop.js')],
  ['export', () => import('./export.js')],
  ['extract', () => import('./extract.js')],
  ['archive', () => import('./archive.js')],
  ['office', () => import('./office.js')],
];

for (const [name, load] of parts) {
  console.log(`== ${name}`);
  await (await load()).bench();
}
