// Milestone labels under the phases strip never overlap, in the webview and in the SVG export, for
// milestones minutes apart, at the same moment, and far apart; measured as rendered boxes in Chromium.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { DocumentOutline } from '../../server/src/protocol';
import { timelineSvg } from '../../server/src/render/timelineSvg';
import { FAKE_VSCODE_API, serveWebview, showOutline, type WebviewHost } from './webviewPage';

type Box = { x: number; y: number; width: number; height: number };

function outline(detect: number, mitigate: number, resolve: number): DocumentOutline {
  const entry = (i: number, minutes: number, milestone: string) => ({ line: i, endLine: i, time: null, timeText: `10:${String(i).padStart(2, '0')}`, elapsed: '', text: `Entry ${i}`, milestone, minutes });
  return {
    uri: 'file:///w/pm.md', isPostmortem: true, title: 'Labels', sections: [], actionItems: [],
    timeline: {
      zone: 'UTC', findings: [],
      entries: [entry(0, 0, 'impact-start'), entry(1, detect, 'detected'), entry(2, mitigate, 'mitigated'), entry(3, resolve, 'resolved')],
      metrics: { timeToDetectMinutes: detect, timeToAcknowledgeMinutes: null, timeToMitigateMinutes: mitigate, timeToResolveMinutes: resolve, impactMinutes: mitigate },
    },
  };
}

const CASES: Record<string, DocumentOutline> = {
  'minutes apart in a long incident': outline(1, 3, 600),
  'all at the same moment': outline(0, 0, 0),
  'two equal, one close': outline(2, 2, 5),
  'far apart': outline(30, 60, 90),
};

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function assertApart(boxes: Box[], what: string): void {
  assert.equal(boxes.length, 4, `${what}: four labels`);
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) assert.ok(!overlaps(boxes[i], boxes[j]), `${what}: labels ${i} and ${j} overlap: ${JSON.stringify([boxes[i], boxes[j]])}`);
  }
}

describe('milestone labels in Chromium', function () {
  this.timeout(60_000);
  let host: WebviewHost;

  before(async () => {
    host = await serveWebview({
      '/index.html': ['text/html', `<!DOCTYPE html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/webview.css"></head><body><main id="root"></main>
<script>${FAKE_VSCODE_API}</script>
<script src="/webview.js"></script></body></html>`],
    });
  });
  after(async () => {
    await host?.close();
  });

  async function webviewBoxes(p: Page, o: DocumentOutline): Promise<Box[]> {
    await showOutline(p, `${host.base}/index.html`, o);
    return p.locator('.tick').evaluateAll((els) => els.map((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }));
  }

  for (const width of [900, 360]) {
    for (const [name, o] of Object.entries(CASES)) {
      it(`webview, ${width}px wide: ${name}`, async () => {
        const p = await host.browser.newPage({ viewport: { width, height: 600 } });
        const boxes = await webviewBoxes(p, o);
        assertApart(boxes, name);
        const strip = await p.locator('.bar').boundingBox();
        for (const b of boxes) assert.ok(b.x >= strip!.x - 1 && b.x + b.width <= strip!.x + strip!.width + 1, `${name}: a label leaves the strip`);
        // The entries start below the last label.
        const firstEntry = await p.locator('button.entry').first().boundingBox();
        assert.ok(Math.max(...boxes.map((b) => b.y + b.height)) <= firstEntry!.y, `${name}: labels run into the entries`);
        await p.close();
      });
    }
  }

  it('webview: far-apart milestones stay on one line', async () => {
    const p = await host.browser.newPage({ viewport: { width: 900, height: 600 } });
    const boxes = await webviewBoxes(p, CASES['far apart']);
    assert.equal(new Set(boxes.map((b) => Math.round(b.y))).size, 1);
    await p.close();
  });

  for (const [name, o] of Object.entries(CASES)) {
    it(`SVG export: ${name}`, async () => {
      const p = await host.browser.newPage({ viewport: { width: 1000, height: 600 } });
      await p.setContent(`<!DOCTYPE html><html><body style="margin:0">${timelineSvg(o)}</body></html>`);
      const boxes = await p.locator('svg text.tick').evaluateAll((els) => els.map((e) => {
        const r = e.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }));
      assertApart(boxes, name);
      await p.close();
    });
  }
});
