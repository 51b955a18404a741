export const PANEL_WIDTH = 360;
const TAB_WIDTH = 28;

/** Styles inside the panel's shadow root: Gmail's CSS cannot reach them, ours cannot leak out. */
export const panelCss = `
:host { all: initial; }
.panel {
  position: fixed; top: 0; right: 0; bottom: 0; width: ${PANEL_WIDTH}px;
  z-index: 2147483000; display: flex; background: #fff;
  border-left: 1px solid #dadce0; box-shadow: -2px 0 6px rgba(60, 64, 67, 0.12);
}
.panel[hidden] { display: none; }
iframe { border: 0; width: 100%; height: 100%; color-scheme: light; }
.tab {
  position: fixed; right: 0; top: 50%; transform: translateY(-50%);
  z-index: 2147483000; width: ${TAB_WIDTH}px; height: 96px; padding: 0;
  border: 1px solid #dadce0; border-right: 0; border-radius: 8px 0 0 8px;
  background: #fff; color: #1a73e8; cursor: pointer;
  font: 600 12px/1 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  writing-mode: vertical-rl; box-shadow: -1px 0 4px rgba(60, 64, 67, 0.15);
}
.tab:hover { background: #f1f3f4; }
.tab:focus-visible { outline: 2px solid #1a73e8; outline-offset: 2px; }
.tab[hidden] { display: none; }
`;

/**
 * Page-level rule that gives the host page room while the panel is open, so the panel sits beside
 * Gmail's controls rather than over them. Holds no data, only a width.
 */
export const pageRoomCss = (attribute: string) => `
html[${attribute}="open"] body { margin-right: ${PANEL_WIDTH}px !important; width: auto !important; }
`;
