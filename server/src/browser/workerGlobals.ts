// Node globals the engine uses, for a web worker: setImmediate (the analysis and the index yield with
// it between slices) and a minimal process (config search asks for the working directory).
const scope = globalThis as unknown as { setImmediate?: (fn: () => void) => void; process?: unknown };

if (typeof scope.setImmediate !== 'function') {
  // A message on a channel runs before timers, which browsers clamp to 4 ms once nested.
  const channel = new MessageChannel();
  const queue: Array<() => void> = [];
  (channel.port1 as unknown as { onmessage: () => void }).onmessage = () => queue.shift()?.();
  scope.setImmediate = (fn: () => void) => {
    queue.push(fn);
    channel.port2.postMessage(null);
  };
}

if (typeof scope.process === 'undefined') {
  scope.process = { env: {}, argv: [], platform: 'browser', cwd: () => '/' };
}

export {};
