// Release workflow, after packaging: read the fuses of the built executable
// and compare them with `electronFuses` in electron-builder.yml, so a release
// never ships with a fuse left on by mistake. Exits 1 on any difference.
//   node scripts/check-fuses.mjs release/linux-unpacked/nianbao-archive
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { getCurrentFuseWire, FuseV1Options } = require('@electron/fuses');
const yaml = require('js-yaml');

const ON = 49; // FuseState.ENABLE ('1')
const OFF = 48; // FuseState.DISABLE ('0')

const exe = process.argv[2];
if (!exe) {
  console.error('usage: node scripts/check-fuses.mjs PATH-TO-PACKAGED-EXECUTABLE');
  process.exit(2);
}
const cfg = yaml.load(readFileSync(new URL('../electron-builder.yml', import.meta.url), 'utf8'));
const wire = await getCurrentFuseWire(exe);
const wrong = [];
for (const [key, on] of Object.entries(cfg.electronFuses ?? {})) {
  const name = key[0].toUpperCase() + key.slice(1);
  const index = FuseV1Options[name];
  if (index === undefined) {
    wrong.push(`${key}: not a fuse of this Electron`);
    continue;
  }
  const state = wire[index];
  const shown = state === ON ? 'on' : state === OFF ? 'off' : `state ${state}`;
  if (state !== (on ? ON : OFF)) wrong.push(`${name} is ${shown}, electron-builder.yml wants ${on ? 'on' : 'off'}`);
  else console.log(`${name}: ${shown}`);
}
if (wrong.length) {
  console.error(`fuses of ${exe} differ from electron-builder.yml:\n  ${wrong.join('\n  ')}`);
  process.exit(1);
}
console.log(`fuses of ${exe} match electron-builder.yml`);
