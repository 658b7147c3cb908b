// The one-use token a webview's Content-Security-Policy names so that only the extension's own
// script runs. Web Crypto, because it is the same in Node and in the web worker extension host, and
// a nonce must not be guessable (Math.random is).

/** 128 random bits as 32 hexadecimal digits; a new one for every page the extension writes. */
export function webviewNonce(): string {
  return Array.from(globalThis.crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
