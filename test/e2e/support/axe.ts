import axe from 'axe-core';
import type { Frame, Page } from 'playwright-core';

/**
 * axe-core (MPL-2.0) inside the page and inside each Custom UI iframe. The app lives in iframes of
 * the fake Jira page, and axe run on the host cannot reach into cross-origin-like frames created
 * by the bridge, so its source is injected into every frame and each is checked on its own.
 */
const BLOCKING = new Set(['serious', 'critical']);

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

async function violationsIn(frame: Frame): Promise<Violation[]> {
  const loaded = await frame.evaluate('typeof window.axe === "object"');
  if (loaded !== true) await frame.evaluate(axe.source);
  // The host and each app frame are checked on their own (iframes: false), so a problem is reported once, where it is.
  return frame.evaluate<Violation[]>(`window.axe.run(document, { iframes: false, resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) })))`);
}

/** A frame sandboxed without scripts (the report preview) cannot run axe; its document is checked on its own. */
async function runsScripts(frame: Frame): Promise<boolean> {
  if (frame.parentFrame() === null) return true;
  const sandbox = await (await frame.frameElement()).getAttribute('sandbox');
  return sandbox === null || sandbox.split(/\s+/).includes('allow-scripts');
}

const describeFrame = (frame: Frame, page: Page): string => (frame === page.mainFrame() ? 'Jira page' : `app frame ${new URL(frame.url()).pathname}`);

/** Fails with rule, element and help for every serious or critical violation on the screen (host page and app frames). */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const problems: string[] = [];
  for (const frame of page.frames()) {
    if (frame.url() === 'about:blank' || frame.isDetached() || !(await runsScripts(frame))) continue;
    for (const violation of await violationsIn(frame)) {
      if (!BLOCKING.has(violation.impact ?? '')) continue;
      for (const node of violation.nodes.slice(0, 5)) {
        problems.push(`[${violation.impact ?? ''}] ${violation.id} in ${describeFrame(frame, page)} at ${JSON.stringify(node.target)}: ${violation.help}${node.failureSummary ? ` — ${node.failureSummary.replace(/\s+/g, ' ')}` : ''}`);
      }
    }
  }
  if (problems.length > 0) throw new Error(`axe found ${String(problems.length)} serious/critical problem(s) on "${screen}":\n${problems.join('\n')}`);
}
