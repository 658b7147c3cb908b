// Client helpers that used to be written more than once: one definition each, tested here.
import assert from 'node:assert/strict';
import { webviewNonce } from '../../client/src/webviewNonce';

describe('client helpers', () => {
  it('a webview nonce is 128 random bits in hex, new on every call', () => {
    const seen = new Set(Array.from({ length: 50 }, () => webviewNonce()));
    assert.equal(seen.size, 50);
    for (const nonce of seen) assert.match(nonce, /^[0-9a-f]{32}$/);
  });
});
