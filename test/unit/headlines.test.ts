// A finding's headline and identity are made once per finding text, and only the headlines that
// changed cross from the analysis worker to the main thread: a keystroke costs what it touched, not
// what the document holds. Every shortcut must give what making everything afresh gives.
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import type { MessagePort } from 'node:worker_threads';
import { commonPrefix, commonSuffix, HeadlineMaker, HeadlineUnpacker, namedTextKey, packHeadlines, type FindingHeadline } from '../../server/src/analysis/headlines';
import { serveAnalyses, type WorkerAnswer } from '../../server/src/analysis/worker';
import { resolveConfig } from '../../server/src/config/resolve';
import { analyze } from '../../server/src/engine/analyze';
import { LineIndex } from '../../server/src/engine/lineIndex';
import { answerQuery } from '../../server/src/features/queries';
import type { Finding } from '../../server/src/rules/types';

/** A finding of `ruleId` over every occurrence of `phrase`, and an "item" finding over each whole task-list line. */
function findingsOf(text: string, phrases: Record<string, string>): Finding[] {
  const out: Finding[] = [];
  for (const [ruleId, phrase] of Object.entries(phrases)) {
    for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) out.push({ ruleId, severity: 'warning', message: `"${phrase}" found.`, start: at, end: at + phrase.length });
  }
  for (const m of text.matchAll(/^- \[ \] .*$/gm)) out.push({ ruleId: 'item', severity: 'info', message: 'An item without an owner.', start: m.index, end: m.index + m[0].length });
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

const PHRASES = { blame: 'forgot to', vague: 'Look into' };
const TEXT = 'Ana forgot to check.\nLook into it.\n- [ ] Page the team.\nBen forgot to look.\n- [ ] Page again.\n';

function make(maker: HeadlineMaker, text: string): FindingHeadline[] {
  return maker.make(findingsOf(text, PHRASES), text, new LineIndex(text));
}

/** What a maker without a previous version makes: the reference every shortcut is held to. */
const afresh = (text: string) => make(new HeadlineMaker(), text);

describe('finding headlines', () => {
  it('share prefixes and suffixes exactly, across block boundaries', () => {
    const long = 'x'.repeat(1500);
    for (const [a, b] of [[long, `${long}y`], [`${long}a${long}`, `${long}b${long}`], ['', 'a'], ['abc', 'abc'], ['aXa', 'aa']]) {
      let p = 0;
      while (p < Math.min(a.length, b.length) && a[p] === b[p]) p++;
      assert.equal(commonPrefix(a, b), p);
      let s = 0;
      while (s < Math.min(a.length, b.length) - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
      assert.equal(commonSuffix(a, b, p), s);
    }
  });

  it('number twins among the findings of the same rule, message and text', () => {
    const headlines = afresh(TEXT);
    assert.deepEqual(headlines.map((h) => `${h.ruleId} ${h.twin}`), ['blame 0/2', 'vague 0/1', 'item 0/1', 'blame 1/2', 'item 0/1']);
    for (const h of headlines) assert.equal(h.named, namedTextKey(TEXT, h.start, h.end));
  });

  it('hash only the findings an edit reached; the others keep their fingerprint', () => {
    const maker = new HeadlineMaker();
    make(maker, TEXT);
    assert.equal(maker.hashed, 5);
    // Typed inside the second "forgot to": only that finding is hashed again (it no longer matches, so it is gone).
    const inside = TEXT.replace('Ben forgot to', 'Ben forgxot to');
    assert.deepEqual(make(maker, inside), afresh(inside));
    assert.equal(maker.hashed, 5, 'every finding left lies before or after the edit');
    // Typed inside the first item: the finding over that line is hashed again, and no other.
    const grown = inside.replace('Page the team', 'Page the teams');
    assert.deepEqual(make(maker, grown), afresh(grown));
    assert.equal(maker.hashed, 6);
    // A line typed at the top moves every finding: none is hashed again.
    const moved = `Draft.\n${grown}`;
    assert.deepEqual(make(maker, moved), afresh(moved));
    assert.equal(maker.hashed, 6);
  });

  it('keep the last version\'s headline object where nothing about it changed, and only there', () => {
    const maker = new HeadlineMaker();
    const first = make(maker, TEXT);
    // Typed into the last line: the four findings before it are the same objects.
    const typed = TEXT.replace('Page again', 'Page agai');
    const second = make(maker, typed);
    assert.deepEqual(second, afresh(typed));
    assert.deepEqual(second.map((h) => first.indexOf(h)), [0, 1, 2, 3, -1]);
    assert.equal(maker.reused, 4);
    // A twin appears earlier: the first "forgot to" is now 0/3 and the second 1/3, so neither is kept;
    // findings after the edit move and are made anew.
    const twins = `Cy forgot to ask.\n${typed}`;
    const third = make(maker, twins);
    assert.deepEqual(third, afresh(twins));
    assert.deepEqual(third.map((h) => second.indexOf(h)), [-1, -1, -1, -1, -1, -1]);
    // A twin's ordinal changed before the edit: kept objects never carry an old one.
    const fewer = twins.replace('Ben forgot to look', 'Ben looked');
    const fourth = make(maker, fewer);
    assert.deepEqual(fourth, afresh(fewer));
    assert.equal(fourth[0].twin, '0/2');
    assert.notEqual(fourth[0], third[0]);
  });

  it('place a finding before the edit anew when the edit decides where its last line ends (a \\r before a \\n)', () => {
    const finding: Finding = { ruleId: 'r', severity: 'info', message: 'm', start: 0, end: 2 };
    const maker = new HeadlineMaker();
    for (const text of ['a\r\nb', 'a\rXb', 'a\r\nb']) {
      assert.deepEqual(maker.make([finding], text, new LineIndex(text)), new HeadlineMaker().make([finding], text, new LineIndex(text)), JSON.stringify(text));
    }
  });

  it('cross threads as the headlines that changed; the main thread rebuilds the whole list', () => {
    const maker = new HeadlineMaker();
    const unpacker = new HeadlineUnpacker();
    let sent: FindingHeadline[] | undefined;
    const cross = (text: string) => {
      const made = make(maker, text);
      const packed = packHeadlines(made, sent, sent ? maker.origins : new Int32Array(0), maker.shift);
      sent = made;
      // What crosses is cloned: nothing the worker holds is shared with the main thread.
      return { fresh: packed.fresh.length, list: unpacker.unpack(structuredClone(packed)) };
    };
    const first = cross(TEXT);
    assert.equal(first.fresh, 5);
    // A character typed in the first item: its finding is sent again; the two above keep their objects, the ones below shift offsets only.
    const typed = TEXT.replace('- [ ] Page the team', '- [ ] Page the teams');
    const second = cross(typed);
    assert.deepEqual(second.list, afresh(typed));
    assert.equal(second.fresh, 1, 'only the item typed into');
    assert.equal(second.list[0], first.list[0], 'a finding above the edit is the same object');
    assert.equal(second.list[3].start, first.list[3].start + 1);
    // A line break typed at the top: every finding moves down a line, none is sent again.
    const broken = `\n${typed}`;
    const third = cross(broken);
    assert.deepEqual(third.list, afresh(broken));
    assert.equal(third.fresh, 0);
    // A third "forgot to": the twins' ordinals change, so those headlines are sent again.
    const more = `${broken}Cy forgot to.\n`;
    const fourth = cross(more);
    assert.deepEqual(fourth.list, afresh(more));
    assert.equal(fourth.fresh, 3, 'the two twins whose count changed, and the new one');
  });

  it('after an answer that did not reach the main thread, the worker sends every headline again', () => {
    const sent: WorkerAnswer[] = [];
    let refuse = false;
    const port = Object.assign(new EventEmitter(), {
      postMessage: (answer: WorkerAnswer) => {
        // An answer the structured clone refuses: the worker sends a failure in its place.
        if (refuse && 'ok' in answer && answer.ok) throw new Error('could not be cloned');
        sent.push(structuredClone(answer));
      },
    });
    serveAnalyses(port as unknown as MessagePort, answerQuery);
    const unpacker = new HeadlineUnpacker();
    const text = '# Postmortem: queue outage\n\n## Summary\n\nObviously the queue filled up.\n\nObviously the disk filled up.\n';
    const job = (id: number, body: string) => {
      port.emit('message', { id, text: body, config: resolveConfig([]), now: Date.parse('2026-11-30T12:00:00Z') });
      return sent.find((a) => 'ok' in a && a.id === id) as WorkerAnswer & { ok: boolean };
    };
    const first = job(1, text) as Extract<WorkerAnswer, { ok: true }>;
    unpacker.unpack({ fresh: first.findings, plan: first.reused });
    refuse = true;
    assert.equal(job(2, `${text}\nMore.\n`).ok, false);
    refuse = false;
    // Typed in the same place as the refused version: the main thread still holds the first answer.
    const third = job(3, `${text}\nMore!\n`) as Extract<WorkerAnswer, { ok: true }>;
    assert.equal(third.reused, undefined, 'nothing named from an answer the main thread never got');
    const fresh = new HeadlineMaker().make(analyze(`${text}\nMore!\n`).findings, `${text}\nMore!\n`, new LineIndex(`${text}\nMore!\n`));
    assert.deepEqual(unpacker.unpack({ fresh: third.findings, plan: third.reused }), fresh);
  });

  it('the worker sends only what a keystroke changed, and the host rebuilds the same findings a fresh worker finds', () => {
    const worker = () => {
      const sent: WorkerAnswer[] = [];
      const port = Object.assign(new EventEmitter(), { postMessage: (answer: WorkerAnswer) => sent.push(structuredClone(answer)) });
      serveAnalyses(port as unknown as MessagePort, answerQuery);
      const unpacker = new HeadlineUnpacker();
      let id = 0;
      return (text: string) => {
        port.emit('message', { id: ++id, text, config: resolveConfig([]), now: Date.parse('2026-11-30T12:00:00Z') });
        const answer = sent.find((a) => 'ok' in a && a.ok && a.id === id) as Extract<WorkerAnswer, { ok: true }>;
        return { crossed: answer.findings, findings: unpacker.unpack({ fresh: answer.findings, plan: answer.reused }) };
      };
    };
    const rows = Array.from({ length: 30 }, (_, i) => `| Look into alert ${i} | @ana | 2026-01-${String((i % 28) + 1).padStart(2, '0')} | open |`);
    const text = `# Postmortem: queue outage\n\n## Summary\n\nObviously the queue filled up.\n\n## Action items\n\n| Action | Owner | Due | Status |\n| --- | --- | --- | --- |\n${rows.join('\n')}\n`;
    const typed = text.replace('Look into alert 15 |', 'Look into alert 15x |');
    const kept = worker();
    const first = kept(text);
    assert.ok(first.findings.length >= 30, `${first.findings.length} findings`);
    const second = kept(typed);
    assert.deepEqual(second.findings, worker()(typed).findings);
    // Only the findings on the row typed into crossed again (the others' ranges did not change).
    const row = typed.slice(0, typed.indexOf('alert 15x')).split('\n').length - 1;
    assert.ok(second.crossed.length > 0 && second.crossed.every((h) => h.range?.start.line === row), JSON.stringify(second.crossed.map((h) => h.range)));
    assert.ok(second.findings.filter((h) => h.range?.start.line !== row).length >= 30);
  });
});
