import { panelCss, pageRoomCss } from './panel-styles.ts';

const ROOM_ATTRIBUTE = 'data-baton-panel';

export interface Panel {
  setCollapsed(collapsed: boolean): void;
  /** Takes the whole panel (and the room it asks of the page) away, e.g. off LinkedIn profiles. */
  setVisible(visible: boolean): void;
  readonly collapsed: boolean;
}

export interface PanelOptions {
  /** The extension page to embed (no secret in it: the page can read it). */
  frameUrl: string;
  /** Called each time the frame has loaded, with its window, e.g. to hand it the nonce. */
  onFrameLoad?(frameWindow: Window): void;
  collapsed: boolean;
  onToggle(collapsed: boolean): void;
  signal: AbortSignal;
  /**
   * When to create the frame: at once (default), or at the page's first idle moment (at most
   * IDLE_TIMEOUT_MS later), so a page still starting up is not made to embed a process first.
   */
  attachFrame?: 'now' | 'idle';
}

const IDLE_TIMEOUT_MS = 300;

function whenIdle(win: Window | null, run: () => void, signal: AbortSignal): void {
  if (win === null || typeof win.requestIdleCallback !== 'function') {
    run();
    return;
  }
  const handle = win.requestIdleCallback(() => run(), { timeout: IDLE_TIMEOUT_MS });
  signal.addEventListener('abort', () => win.cancelIdleCallback(handle), { once: true });
}

/**
 * Mounts the sidebar container: a fixed panel on the right holding the extension-origin iframe,
 * and a slim "Baton" tab that reopens it. The iframe is created once and only hidden when
 * collapsed, so Gmail's navigation and collapsing never reload it. Plain DOM: this runs in the
 * page and must stay small.
 */
export function mountPanel(doc: Document, options: PanelOptions): Panel {
  const host = doc.createElement('baton-sidebar');
  // Open, so tests and assistive tech can reach the tab; it holds no CRM data and no secret:
  // the frame's URL carries no nonce (it is posted to the frame's window, see sidebar-frame.ts).
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = panelCss;

  const panel = doc.createElement('div');
  panel.className = 'panel';
  const frame = doc.createElement('iframe');
  frame.title = 'Baton sidebar';
  frame.src = options.frameUrl;
  frame.setAttribute('allow', '');
  frame.addEventListener('load', () => {
    if (frame.contentWindow) options.onFrameLoad?.(frame.contentWindow);
  }, { signal: options.signal });
  if (options.attachFrame === 'idle') whenIdle(doc.defaultView, () => panel.append(frame), options.signal);
  else panel.append(frame);

  const tab = doc.createElement('button');
  tab.type = 'button';
  tab.className = 'tab';
  tab.textContent = 'Baton';
  tab.setAttribute('aria-label', 'Open Baton panel');
  tab.addEventListener('click', () => {
    apply(false);
    options.onToggle(false);
  });

  root.append(style, panel, tab);
  const room = doc.createElement('style');
  room.textContent = pageRoomCss(ROOM_ATTRIBUTE);
  doc.head.append(room);
  doc.documentElement.append(host);

  let collapsed = options.collapsed;
  let visible = true;
  function apply(next: boolean): void {
    collapsed = next;
    panel.hidden = next;
    tab.hidden = !next;
    const room = next ? 'collapsed' : 'open';
    const before = doc.documentElement.getAttribute(ROOM_ATTRIBUTE);
    if (visible) doc.documentElement.setAttribute(ROOM_ATTRIBUTE, room);
    // Gmail sizes its panes from window resizes; tell it when the available width changed (not
    // when mounting folded away, which leaves the page as it was).
    const widthChanged = visible && (before ?? 'collapsed') !== room;
    if (widthChanged) doc.defaultView?.dispatchEvent(new Event('resize'));
  }
  apply(collapsed);

  options.signal.addEventListener(
    'abort',
    () => {
      host.remove();
      room.remove();
      doc.documentElement.removeAttribute(ROOM_ATTRIBUTE);
    },
    { once: true },
  );

  return {
    setCollapsed: apply,
    setVisible(next) {
      if (next === visible) return;
      visible = next;
      host.hidden = !next;
      if (next) apply(collapsed);
      else {
        doc.documentElement.removeAttribute(ROOM_ATTRIBUTE);
        doc.defaultView?.dispatchEvent(new Event('resize'));
      }
    },
    get collapsed() {
      return collapsed;
    },
  };
}
