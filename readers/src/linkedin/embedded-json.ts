import { nonEmpty } from './dom.ts';
import { PROFILE_SELECTORS } from './selectors.ts';

/** Profile fields found in LinkedIn's embedded API payloads for one slug. */
export interface EmbeddedProfile {
  readonly name: string | null;
  /** First and last name as the payload spells them, to cross-check the name on the page. */
  readonly nameParts: readonly string[];
  readonly headline: string | null;
  readonly location: string | null;
}

export const EMBEDDED_JSON_SOURCE = 'bpr-guid json';

// Payloads can be large; a bound keeps a pathological page from stalling the content script.
const MAX_NODES = 50_000;

/**
 * Fields of the person whose `publicIdentifier`/`vanityName` equals `slug`, or null. After SPA
 * navigation the blocks may still describe the previous person, so nothing else is trusted.
 */
export function readEmbeddedProfile(doc: Document, slug: string): EmbeddedProfile | null {
  const found = { name: null as string | null, headline: null as string | null, location: null as string | null };
  const nameParts: string[] = [];
  for (const block of doc.querySelectorAll(PROFILE_SELECTORS.embeddedJson[0].selector)) {
    const payload = parseJson(block.textContent ?? '');
    if (payload === undefined) continue;
    for (const entity of entitiesFor(payload, slug)) {
      const first = stringField(entity, 'firstName');
      const last = stringField(entity, 'lastName');
      const parts = [first, last].filter((part) => part !== null);
      found.name ??= nonEmpty(parts.join(' '));
      nameParts.push(...parts);
      found.headline ??= stringField(entity, 'headline') ?? stringField(entity, 'occupation');
      found.location ??= stringField(entity, 'geoLocationName') ?? stringField(entity, 'locationName');
    }
  }
  const empty = found.name === null && found.headline === null && found.location === null;
  return empty ? null : { ...found, nameParts };
}

/** `undefined` for blocks that are not JSON: LinkedIn also ships non-JSON payloads in them. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}

function entitiesFor(payload: unknown, slug: string): Record<string, unknown>[] {
  const matches: Record<string, unknown>[] = [];
  const stack: unknown[] = [payload];
  let visited = 0;
  while (stack.length > 0 && visited < MAX_NODES) {
    const node = stack.pop();
    visited += 1;
    // Pushing one by one: spreading a huge array into push() overflows the argument limit.
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
    } else if (isRecord(node)) {
      const id = stringField(node, 'publicIdentifier') ?? stringField(node, 'vanityName');
      if (id !== null && id.toLowerCase() === slug) matches.push(node);
      for (const value of Object.values(node)) stack.push(value);
    }
  }
  return matches;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringField(entity: Record<string, unknown>, key: string): string | null {
  const value = entity[key];
  return typeof value === 'string' ? nonEmpty(value) : null;
}
