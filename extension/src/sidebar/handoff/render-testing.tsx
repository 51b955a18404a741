import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { expect, vi } from 'vitest';
import type { BridgeClient } from '../../bridge/client.ts';
import { BridgeProvider } from '../../bridge/react.tsx';
import type { Settings } from '../../settings/index.ts';
import { SidebarEnvProvider } from '../shell/sidebar-env.tsx';

/* Test support only: render a sidebar component with a real bridge client, and find controls as a person does. */

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Rendered {
  container: HTMLElement;
  unmount(): Promise<void>;
}

export async function renderInSidebar(ui: ReactNode, env: { bridge: BridgeClient; settings: Settings; queries?: QueryClient }): Promise<Rendered> {
  const container = document.createElement('div');
  document.body.append(container);
  const root: Root = createRoot(container);
  const queries = env.queries ?? new QueryClient({ defaultOptions: { queries: { retry: false } } });
  await act(async () =>
    root.render(
      <QueryClientProvider client={queries}>
        <BridgeProvider client={env.bridge}>
          <SidebarEnvProvider value={{ settings: env.settings, apiConfigured: true, syncNow: () => undefined, openOptions: () => undefined }}>
            {ui}
          </SidebarEnvProvider>
        </BridgeProvider>
      </QueryClientProvider>,
    ),
  );
  return {
    container,
    async unmount() {
      await act(async () => root.unmount());
      container.remove();
    },
  };
}

/** The control a `<label>` with exactly this text names (by `for`, or by nesting). */
export function byLabel(container: HTMLElement, text: string): HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement {
  const label = [...container.querySelectorAll('label')].find((candidate) => candidate.textContent?.trim() === text);
  if (!label) throw new Error(`no label "${text}"`);
  const control = label.htmlFor ? container.ownerDocument.getElementById(label.htmlFor) : label.querySelector('input, textarea, select');
  if (!control) throw new Error(`label "${text}" names no control`);
  return control as HTMLInputElement;
}

export function button(container: HTMLElement, name: string): HTMLButtonElement {
  const found = [...container.querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
}

export async function waitForButton(container: HTMLElement, name: string): Promise<HTMLButtonElement> {
  await vi.waitFor(() => expect(() => button(container, name)).not.toThrow());
  return button(container, name);
}

/** Types as a person does: React hears the input event with the new value. */
export async function type(control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string): Promise<void> {
  const prototype = Object.getPrototypeOf(control) as object;
  const setter = Object.getOwnPropertyDescriptor(prototype, 'value')?.set;
  await act(async () => {
    setter?.call(control, value);
    control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}

export async function click(element: HTMLElement): Promise<void> {
  await act(async () => element.click());
}
