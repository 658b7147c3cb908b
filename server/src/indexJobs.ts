// The workspace index's worker side: the jobs its reader (indexHost.ts) sends and the answers it
// gets, and the loop that serves them. A worker thread on Node (workerThread.ts) and a nested Web
// Worker on the web (browser/indexRole.ts) run the same loop over their own kind of port.
import { handlesIn } from './model/actionItems';
import { extractActionItems, failure, type Extraction } from './indexExtraction';

/** Names the index's role: the Node thread's workerData, the nested Web Worker's `self.name`. */
export const INDEX_WORKER_ROLE = 'postmortem-index';

export interface IndexJob {
  id: number;
  uri: string;
  text: string;
  now: number;
}

/** `started` comes first, once the worker has its modules loaded: the file's budget runs from there. */
export type IndexAnswer = { id: number; started: true } | ({ id: number } & Extraction);

/** What the loop needs of a port: a Node MessagePort, or a dedicated worker's scope adapted to one. */
export interface IndexJobPort {
  on(event: 'message', listener: (job: IndexJob) => void): void;
  postMessage(answer: IndexAnswer): void;
}

export function serveIndexJobs(port: IndexJobPort): void {
  port.on('message', (job: IndexJob) => {
    // The budget starts when the job does, not when a cold worker was still loading its modules.
    port.postMessage({ id: job.id, started: true });
    let answer: IndexAnswer;
    try {
      answer = { id: job.id, ok: true, items: extractActionItems(job.uri, job.text, new Date(job.now)), handles: handlesIn(job.text) };
    } catch (error) {
      answer = { id: job.id, ok: false, reason: failure(error) };
    }
    port.postMessage(answer);
  });
}
