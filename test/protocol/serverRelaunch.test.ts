// The npm bin started the way other editors start it (`node dist/server.js --stdio`, none of the
// VS Code client's flags or environment): a Node that can replace its process image restarts the
// server in place with them (same pid, same pipes); an older one runs as it is and says so in the log.
// test/e2e/relaunch.mjs checks the restart with Node 24 after test/e2e/setup.sh installs it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serverProcessOptions } from '../../server/src/serverLaunch';
import { TestClient } from '../helpers/lspClient';

describe('language server: started without the memory settings', function () {
  this.timeout(30_000);

  it('answers, and either runs with the settings under the same pid or logs which it lacks', async () => {
    const client = new TestClient({}, { execArgv: [], env: {} });
    try {
      const result = await client.initialize({});
      assert.equal(result.serverInfo?.name, 'postmortem-language-server');
      const cmdline = readFileSync(`/proc/${client.pid}/cmdline`, 'utf8').split('\0');
      const environ = readFileSync(`/proc/${client.pid}/environ`, 'utf8').split('\0');
      const { execArgv, env } = serverProcessOptions();
      if (typeof (process as { execve?: unknown }).execve === 'function') {
        for (const flag of execArgv) assert.ok(cmdline.includes(flag), `restarted with ${flag}: ${cmdline.join(' ')}`);
        for (const [name, value] of Object.entries(env)) assert.ok(environ.includes(`${name}=${value}`), `restarted with ${name}`);
      } else {
        for (const flag of execArgv) assert.ok(!cmdline.includes(flag), 'no restart without execve');
        await client.waitFor(() => client.logs.some((m) => m.includes('Started without its memory settings')), 'the note on the missing settings');
        const note = client.logs.find((m) => m.includes('Started without its memory settings'))!;
        for (const flag of execArgv) assert.ok(note.includes(flag), `the note names ${flag}`);
      }
    } finally {
      await client.stop();
    }
  });

  it('started as the VS Code client starts it, logs no such note', async () => {
    const client = new TestClient();
    try {
      await client.initialize({});
      await client.open('file:///ws/postmortems/a.md', '# Postmortem\n');
      await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: 'file:///ws/postmortems/a.md' } });
      assert.ok(!client.logs.some((m) => m.includes('Started without its memory settings')), client.logs.join('\n'));
    } finally {
      await client.stop();
    }
  });
});
