// CPU time of the server process's threads, read from /proc: steadier than wall time on a shared machine.
import { readdirSync, readFileSync } from 'node:fs';

export interface ThreadCpu {
  main: number;
  others: number;
}

/** CPU ms so far of a process's main thread and of its other threads (Linux; zeros elsewhere). */
export function threadCpu(pid: number | undefined): ThreadCpu {
  const ms = (stat: string) => {
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 10 ms
  };
  try {
    let others = 0;
    let main = 0;
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const used = ms(readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8'));
      if (task === String(pid)) main = used;
      else others += used;
    }
    return { main, others };
  } catch {
    return { main: 0, others: 0 };
  }
}
