import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type BrowserContext } from '@playwright/test';
import type { Role } from '@baton/shared';
import { GmailPage } from './pages/gmail-page.ts';
import { OptionsPage } from './pages/options-page.ts';
import { PopupPage } from './pages/popup-page.ts';
import { apiHttp, type ApiHttp } from './support/api-http.ts';
import { ApiServer, seedDemo, type DemoUser } from './support/api-server.ts';
import { extensionIdOf, launchWithExtension, prepareExtension } from './support/extension.ts';
import { freePort } from './support/free-port.ts';
import { GmailServer, routeSites } from './support/site-routes.ts';
import { LinkedinServer, routeLinkedin } from './support/linkedin-routes.ts';
import { LinkedinPage } from './pages/linkedin-page.ts';

type DemoRole = Extract<Role, 'sdr' | 'ae' | 'csm' | 'manager'>;

export interface ApiHarness {
  url: string;
  users: Record<DemoRole, DemoUser>;
  /** Typed calls to the API as one of the demo users: setup and assertions. */
  as(role: DemoRole): ApiHttp;
  /** Takes the API away (the process stops; its port refuses connections). */
  stop(): Promise<void>;
  /** Brings it back on the same port and database. */
  start(): Promise<void>;
  /** `baton token revoke --user`, while the server runs: every token of that demo user stops working. */
  revokeTokens(role: DemoRole): Promise<void>;
  /** `baton token create --user`, while the server runs: a new token for that demo user. */
  createToken(role: DemoRole): Promise<string>;
}

interface DemoTemplate {
  dataDir: string;
  users: DemoUser[];
}

interface WorkerFixtures {
  demoTemplate: DemoTemplate;
  extensionDir: string;
}

/** Another browser of the same rep (a second machine): its own profile, local store and Gmail tab. */
export interface Device {
  gmailPage: GmailPage;
  context: BrowserContext;
  /**
   * Quits this browser, runs `whileClosed`, and starts it again on the same profile: only what
   * the extension kept on disk survives.
   */
  restart(whileClosed?: () => Promise<void>): Promise<Device>;
}

interface TestFixtures {
  api: ApiHarness;
  gmail: GmailServer;
  extensionContext: BrowserContext;
  extensionId: string;
  optionsPage: OptionsPage;
  gmailPage: GmailPage;
  popupPage: PopupPage;
  linkedin: LinkedinServer;
  /** A LinkedIn tab in the extension's browser; www.linkedin.com is routed to fixture pages. */
  linkedinPage: LinkedinPage;
  /** The extension configured through its options page as this role (the SDR unless a test says otherwise). */
  signedInAs: DemoRole;
  signedIn: DemoUser;
  /** Launches another signed-in browser; closed after the test. */
  newDevice: (role?: DemoRole) => Promise<Device>;
}

/*
 * Baton's Playwright `test`: every spec imports `test` and `expect` from here. Its fixtures (in
 * Playwright's sense) start the API, the browser with the built extension and the fake sites; the
 * pages and people the specs use are in fixtures/ (test data, not Playwright fixtures).
 */

const tempDir = (label: string) => mkdtempSync(join(tmpdir(), `baton-e2e-${label}-`));

export const test = base.extend<TestFixtures, WorkerFixtures>({
  // `baton demo` runs once per worker; each test serves its own copy of that database.
  demoTemplate: [
    async ({}, use) => {
      const dir = tempDir('demo');
      const dataDir = join(dir, 'data');
      const users = await seedDemo(dataDir);
      await use({ dataDir, users });
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 120_000 },
  ],

  extensionDir: [
    async ({}, use) => {
      const dir = tempDir('extension');
      await use(prepareExtension(join(dir, 'chrome-mv3')));
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],

  api: async ({ demoTemplate }, use, testInfo) => {
    const dir = tempDir('api');
    const dataDir = join(dir, 'data');
    cpSync(demoTemplate.dataDir, dataDir, { recursive: true });
    const server = new ApiServer({ dataDir, port: await freePort(), logFile: testInfo.outputPath('api.log') });
    await server.start();
    const byRole = (role: DemoRole): DemoUser => {
      const user = demoTemplate.users.find((candidate) => candidate.user.role === role);
      if (!user) throw new Error(`The demo organisation has no ${role}`);
      return user;
    };
    const users = { sdr: byRole('sdr'), ae: byRole('ae'), csm: byRole('csm'), manager: byRole('manager') };
    await use({
      url: server.url,
      users,
      as: (role) => apiHttp(server.url, users[role].token),
      stop: () => server.stop(),
      start: () => server.start(),
      // The CLI shares the running server's database, as an operator's would.
      async revokeTokens(role) {
        await server.cli(['token', 'revoke', '--user', users[role].user.email]);
      },
      async createToken(role) {
        const printed = JSON.parse(await server.cli(['token', 'create', '--user', users[role].user.email, '--json'])) as { token?: unknown };
        if (typeof printed.token !== 'string') throw new Error(`\`baton token create\` printed no token: ${JSON.stringify(printed)}`);
        return printed.token;
      },
    });
    await server.dispose();
    rmSync(dir, { recursive: true, force: true });
  },

  gmail: async ({}, use) => {
    await use(new GmailServer());
  },

  extensionContext: async ({ extensionDir, gmail }, use) => {
    const profile = tempDir('profile');
    const context = await launchWithExtension(profile, extensionDir);
    await routeSites(context, gmail);
    try {
      await use(context);
      await context.close();
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  },

  extensionId: async ({ extensionContext }, use) => {
    await use(await extensionIdOf(extensionContext));
  },

  optionsPage: async ({ extensionContext, extensionId }, use) => {
    await use(new OptionsPage(await extensionContext.newPage(), extensionId));
  },

  popupPage: async ({ extensionContext, extensionId }, use) => {
    await use(new PopupPage(await extensionContext.newPage(), extensionId));
  },

  gmailPage: async ({ extensionContext, gmail }, use, testInfo) => {
    const page = await extensionContext.newPage();
    // The sidebar's console (its frame is part of this page) explains most failures.
    const lines: string[] = [];
    page.on('console', (message) => lines.push(`[${message.type()}] ${message.location().url}: ${message.text()}`));
    page.on('pageerror', (error) => lines.push(`[pageerror] ${error.stack ?? error.message}`));
    await use(new GmailPage(page, gmail));
    if (testInfo.status !== testInfo.expectedStatus && lines.length > 0) {
      await testInfo.attach('gmail-console', { body: lines.join('\n'), contentType: 'text/plain' });
    }
  },

  linkedin: async ({}, use) => {
    await use(new LinkedinServer());
  },

  linkedinPage: async ({ extensionContext, linkedin }, use) => {
    await routeLinkedin(extensionContext, linkedin);
    await use(new LinkedinPage(await extensionContext.newPage(), linkedin));
  },

  signedInAs: ['sdr', { option: true }],

  signedIn: async ({ api, optionsPage, signedInAs }, use) => {
    const user = api.users[signedInAs];
    await signIn(optionsPage, api, user);
    await use(user);
  },

  newDevice: async ({ api, extensionDir, signedInAs }, use) => {
    const profiles: string[] = [];
    const running = new Set<BrowserContext>();
    const launch = async (profile: string): Promise<Device> => {
      const context = await launchWithExtension(profile, extensionDir);
      running.add(context);
      const gmail = new GmailServer();
      await routeSites(context, gmail);
      return {
        context,
        gmailPage: new GmailPage(await context.newPage(), gmail),
        async restart(whileClosed) {
          running.delete(context);
          await context.close();
          await whileClosed?.();
          return launch(profile);
        },
      };
    };
    await use(async (role = signedInAs) => {
      const profile = tempDir('device');
      profiles.push(profile);
      const device = await launch(profile);
      await signIn(new OptionsPage(await device.context.newPage(), await extensionIdOf(device.context)), api, api.users[role]);
      return device;
    });
    for (const context of running) await context.close();
    for (const profile of profiles) rmSync(profile, { recursive: true, force: true });
  },
});

/** Configures the extension through its real options page and checks who it says is signed in. */
async function signIn(optionsPage: OptionsPage, api: ApiHarness, user: DemoUser): Promise<void> {
  await optionsPage.open();
  await optionsPage.configure(api.url, user.token);
  await optionsPage.expectSignedInAs(user.user.name);
  await optionsPage.page.close();
}

export { expect };
