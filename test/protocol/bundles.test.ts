// What each thread of the Node server loads: the main thread's bundle leaves the English model to a
// file of its own (only threads that tag compile it), and the worker threads' bundle carries no LSP
// library. Asserted on the built files, so a new import that pulls either back in fails here.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SERVER } from '../helpers/lspClient';

const DIST = dirname(SERVER);
const read = (name: string) => readFileSync(join(DIST, name), 'utf8');
const MODEL_DATA = join(DIST, '..', 'node_modules', 'wink-eng-lite-web-model', 'dist', 'languages', 'cur', 'models', 'eng-core-web-model.json');

/** The longest string in the model's data: any bundle that holds the model holds this string. */
function modelMarker(): string {
  const data = JSON.parse(readFileSync(MODEL_DATA, 'utf8')) as unknown;
  let longest = '';
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value.length > longest.length) longest = value;
    } else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(data);
  assert.ok(longest.length > 1000, 'the model holds long packed strings');
  return longest.slice(0, 200);
}

describe('the Node server bundles', () => {
  it('keep the English model in dist/languageModel.js, out of the main and worker bundles', () => {
    const marker = modelMarker();
    assert.ok(read('languageModel.js').includes(marker));
    for (const bundle of ['server.js', 'serverWorker.js']) {
      assert.ok(!read(bundle).includes(marker), `${bundle} holds the model`);
      assert.match(read(bundle), /require\("\.\/languageModel\.js"\)/, `${bundle} requires the model file`);
    }
  });

  it('start the worker threads from a bundle without the LSP library', () => {
    assert.ok(existsSync(join(DIST, 'serverWorker.js')));
    // Method names and the transport header survive minification: the main bundle has them, the worker's must not.
    for (const mark of ['textDocument/publishDiagnostics', 'Content-Length']) {
      assert.ok(read('server.js').includes(mark), `server.js lacks ${mark}`);
      assert.ok(!read('serverWorker.js').includes(mark), `serverWorker.js holds ${mark}`);
    }
  });
});
