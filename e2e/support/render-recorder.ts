import type { Frame, Locator } from '@playwright/test';

/*
 * Records every text the sidebar renders (one entry per DOM mutation batch), so a test can
 * assert on states that were on screen only for a moment — a previous thread's contact flashing
 * up after navigation would pass unnoticed by a check of the final state alone.
 */

declare global {
  interface Window {
    __batonRenders?: string[];
  }
}

export class RenderRecorder {
  private constructor(private readonly frame: Frame) {}

  static async start(frameElement: Locator): Promise<RenderRecorder> {
    const frame = await (await frameElement.elementHandle())?.contentFrame();
    if (!frame) throw new Error('The sidebar frame is not attached');
    await frame.evaluate(() => {
      const renders: string[] = [];
      window.__batonRenders = renders;
      const record = () => renders.push(document.body.innerText);
      new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true });
      record();
    });
    return new RenderRecorder(frame);
  }

  async renders(): Promise<string[]> {
    return this.frame.evaluate(() => window.__batonRenders ?? []);
  }

  /** Renders that show `stale` at or after the first render that showed `current`. */
  async staleAfter(current: string, stale: string): Promise<string[]> {
    const renders = await this.renders();
    const from = renders.findIndex((text) => text.includes(current));
    return from === -1 ? [] : renders.slice(from).filter((text) => text.includes(stale));
  }
}
