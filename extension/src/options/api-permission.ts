import { browser } from 'wxt/browser';

/** The match pattern for an API address (match patterns carry no port). */
export function originPattern(apiUrl: string): string {
  const url = new URL(apiUrl);
  return `${url.protocol}//${url.hostname}/*`;
}

export function hasApiPermission(apiUrl: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [originPattern(apiUrl)] });
}

/** Must run inside a user gesture (the Save click). Resolves false when the user declines. */
export function requestApiPermission(apiUrl: string): Promise<boolean> {
  return browser.permissions.request({ origins: [originPattern(apiUrl)] });
}
