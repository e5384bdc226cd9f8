// `nianbao web --archive PATH [--port N]`: the app in a browser. Serves the
// built renderer and the services on 127.0.0.1 with a per-run token.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliText, langFromEnv } from '../../core/wording/index.js';
import { flagNumber, flagString, type Args } from '../args.js';
import { openArchivePort } from '../../services/adapter.js';
import { createServices } from '../../services/index.js';
import { startWebBridge } from '../../web/server.js';
import { ensureRenderer } from '../renderer-build.js';
import { sampleFolder, sharedSeeds } from '../../core/samples.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export async function run(args: Args): Promise<number> {
  const lang = langFromEnv(flagString(args, 'lang'), process.env);
  const archive = flagString(args, 'archive');
  if (!archive) {
    console.error(cliText('webArchive', lang));
    return 2;
  }
  const port = flagNumber(args, 'port') ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(cliText('webPort', lang, { port }));
    return 2;
  }
  const given = flagString(args, 'renderer');
  if (!given) {
    // from a checkout: build the UI when it is missing or older than its sources
    try {
      await ensureRenderer(ROOT);
    } catch (e) {
      console.error(cliText('webBuildFailed', lang, { reason: e instanceof Error ? e.message : String(e) }));
      return 1;
    }
  }
  const rendererDir = resolve(given ?? join(ROOT, 'dist-renderer'));
  if (!existsSync(join(rendererDir, 'index.html'))) {
    console.error(cliText('webNoRenderer', lang, { dir: rendererDir }));
    return 1;
  }
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const services = await createServices({
    openArchive: openArchivePort,
    archivePath: resolve(archive),
    samplesDir: sampleFolder(sharedSeeds(ROOT)), // null without ../shared: 导入示例 then says there are none
    bridge: 'web',
    version,
  });
  const bridge = await startWebBridge({ services, rendererDir, port });
  console.log(cliText('webArchiveLine', lang, { path: resolve(archive) }));
  console.log(cliText('webOpen', lang, { url: bridge.url }));
  console.log(cliText('webStop', lang));
  await new Promise<void>((done) => {
    const stop = () => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await bridge.close();
  await services.close();
  return 0;
}
