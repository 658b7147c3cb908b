// The index worker as the tests run it: the server's own job loop, plus one way to take the thread
// down mid-job (as running out of memory would), which no real input can do on demand.
import { parentPort } from 'node:worker_threads';
import { serveIndexJobs } from '../../server/src/indexWorker';

export const CRASH_MARKER = 'END-THIS-WORKER-THREAD';

if (parentPort) {
  parentPort.on('message', (job: { text?: string }) => {
    if (job.text?.includes(CRASH_MARKER)) process.exit(1);
  });
  serveIndexJobs(parentPort);
}
