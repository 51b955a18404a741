import * as activities from './activities.ts';
import * as audit from './audit.ts';
import * as brief from './brief.ts';
import * as contacts from './contacts.ts';
import * as deals from './deals.ts';
import * as handoffs from './handoffs.ts';
import * as notifications from './notifications.ts';
import * as people from './people.ts';
import * as system from './system.ts';
import * as setup from './setup.ts';
import * as team from './team.ts';
import * as credentials from './credentials.ts';
import * as consoleHandoffs from './console-handoffs.ts';
import type { Endpoint } from './endpoint.ts';

export * from './endpoint.ts';
export * from './common.ts';
export * from './system.ts';
export * from './people.ts';
export * from './contacts.ts';
export * from './activities.ts';
export * from './deals.ts';
export * from './handoffs.ts';
export * from './brief.ts';
export * from './notifications.ts';
export * from './audit.ts';
export * from './setup.ts';
export * from './team.ts';
export * from './credentials.ts';
export * from './console-handoffs.ts';

const isEndpoint = (value: unknown): value is Endpoint =>
  typeof value === 'object' && value !== null && 'method' in value && 'path' in value && 'responses' in value;

/** Every endpoint of the API, by its name in shared/src/api. */
export const endpoints: Record<string, Endpoint> = Object.fromEntries(
  [system, people, contacts, activities, deals, handoffs, brief, notifications, audit, setup, team, credentials, consoleHandoffs].flatMap((module) =>
    Object.entries(module).filter((entry): entry is [string, Endpoint] => isEndpoint(entry[1])),
  ),
);
