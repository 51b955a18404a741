import { buildSupportReport } from '@baton/readers/support-report';
import { useRef, useState } from 'react';
import type { PageSupport } from '../../messages/to-sidebar.ts';

type Copied = { state: 'idle' } | { state: 'copied' } | { state: 'manual' };

/**
 * "Copy a report for support": the reader's result and the page's censored structure as text a
 * rep can paste into an issue (`pnpm baton doctor` reads it back). The text is also shown, so it
 * can be copied by hand where the clipboard is not allowed (the panel is a frame inside Gmail).
 */
export function SupportReport({ site, result, support }: { site: 'gmail' | 'linkedin'; result: unknown; support: PageSupport }) {
  const [copied, setCopied] = useState<Copied>({ state: 'idle' });
  const [shown, setShown] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const text = buildSupportReport({ site, url: support.url, lang: support.lang, result, structure: support.structure });

  async function copy() {
    setShown(true);
    try {
      await navigator.clipboard.writeText(text);
      setCopied({ state: 'copied' });
    } catch (error) {
      // The clipboard API is refused in frames the host page did not delegate it to: say how to copy.
      if (!(error instanceof Error)) throw error;
      area.current?.select();
      setCopied({ state: 'manual' });
    }
  }

  return (
    <div className="stack">
      <button type="button" onClick={() => void copy()}>
        Copy a report for support
      </button>
      {copied.state === 'copied' ? (
        <p className="ok small" role="status">
          Report copied. It holds the page's structure only: no names, addresses or text.
        </p>
      ) : copied.state === 'manual' ? (
        <p className="notice small" role="status">
          Select the report below and copy it (Ctrl+C or ⌘C). It holds no names, addresses or text.
        </p>
      ) : null}
      {shown ? (
        <textarea ref={area} className="support-report" readOnly value={text} aria-label="Support report" rows={4} onFocus={(event) => event.currentTarget.select()} />
      ) : null}
    </div>
  );
}
