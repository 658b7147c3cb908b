// After `vsce package`: the bundles the extension runs, and every image the README links to (and the icon, and each walkthrough's media)
// must be inside the .vsix, so the extension's page shows them before any public repository exists.
// Usage: node scripts/checkPackage.mjs postmortem.vsix
import { Buffer } from 'node:buffer';
import yauzl from 'yauzl';

const vsix = process.argv[2] ?? 'postmortem.vsix';

function entries(file) {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const files = new Map();
      zip.on('entry', (entry) => {
        if (!entry.fileName.startsWith('extension/') || entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (err, stream) => {
          if (err) return reject(err);
          const chunks = [];
          stream.on('data', (c) => chunks.push(c));
          stream.on('end', () => {
            files.set(entry.fileName.slice('extension/'.length), Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(files));
      zip.readEntry();
    });
  });
}

const files = await entries(vsix);
// vsce stores the README as readme.md.
const readme = [...files].find(([name]) => name.toLowerCase() === 'readme.md')?.[1].toString('utf8');
const manifest = JSON.parse(files.get('package.json')?.toString('utf8') ?? '{}');
if (!readme) throw new Error(`${vsix} has no README.md`);
const wanted = [
  ...[...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)/g)].map((m) => m[1]),
  ...[...readme.matchAll(/<img[^>]+src="([^"]+)"/g)].map((m) => m[1]),
  manifest.icon,
  ...(manifest.contributes?.walkthroughs ?? []).flatMap((w) => w.steps.map((s) => s.media?.markdown ?? s.media?.image)),
].filter(Boolean);
// The bundles the extension runs: the server starts its workers from serverWorker.js, and both
// require languageModel.js beside them.
const bundles = ['dist/client.js', 'dist/server.js', 'dist/serverWorker.js', 'dist/languageModel.js', 'dist/browser/client.js', 'dist/browser/server.js'];
const absent = bundles.filter((file) => !files.has(file));
if (absent.length) {
  console.error(`${vsix}: these bundles are missing from the package:\n  ${absent.join('\n  ')}`);
  process.exit(1);
}
const missing = wanted.filter((link) => /^[a-z]+:/i.test(link) || !files.has(link.replace(/^\.\//, '')));
if (missing.length) {
  console.error(`${vsix}: these links do not resolve inside the package (absolute URLs are refused too):\n  ${missing.join('\n  ')}`);
  process.exit(1);
}
console.log(`${vsix}: ${wanted.length} images and media resolve inside the package (${files.size} files).`);
