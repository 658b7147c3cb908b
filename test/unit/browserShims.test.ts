// The web worker build replaces node:path and node:url with small POSIX versions: they must agree
// with Node's for the paths the engine builds (config search, relative paths).
import assert from 'node:assert/strict';
import { posix } from 'node:path';
import { fileURLToPath as nodeFileURLToPath } from 'node:url';
import * as shim from '../../server/src/browser/nodeShims';

describe('web worker shims for node:path and node:url', () => {
  const paths = ['/a/b/c.md', '/a/b/', '/', 'a/b', './a/../b', '/a/./b/../../c', '../x/y', '/a//b///c'];

  it('dirname, join, resolve, relative and isAbsolute agree with node:path (POSIX)', () => {
    for (const p of paths) {
      assert.equal(shim.dirname(p), posix.dirname(posix.normalize(p)).replace(/\/$/, '') || '/', `dirname ${p}`);
      assert.equal(shim.isAbsolute(p), posix.isAbsolute(p), `isAbsolute ${p}`);
      assert.equal(shim.join('/w', p), posix.join('/w', p).replace(/(.)\/$/, '$1'), `join ${p}`);
      assert.equal(shim.resolve('/w', p), posix.resolve('/w', p), `resolve ${p}`);
      assert.equal(shim.relative('/w/x', shim.resolve('/w', p)), posix.relative('/w/x', posix.resolve('/w', p)), `relative ${p}`);
    }
  });

  it('fileURLToPath decodes like node:url, and file reads fail as a missing file does', async () => {
    for (const url of ['file:///a/b%20c/d.md', 'file:///%C3%A9t%C3%A9.md']) assert.equal(shim.fileURLToPath(url), nodeFileURLToPath(url));
    assert.equal(shim.existsSync(), false);
    assert.throws(() => shim.readFileSync(), { code: 'ENOENT' });
    await assert.rejects(shim.readFile(), { code: 'ENOENT' });
  });
});
