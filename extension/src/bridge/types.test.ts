import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/*
 * The page's `bridge.<method>` and `useLiveQueries().<method>` are mapped types over the worker's
 * handler table; an editor's go-to-definition must land on the entry in router.ts, not on the
 * mapped type (it does only while the mapping is spelled `[M in keyof AppRouter]`).
 */

const here = fileURLToPath(new URL('.', import.meta.url));
const probe = `${here}go-to-definition.probe.ts`;
const probeText = [
  "import type { BridgeClient } from './client.ts';",
  "import type { LiveQueries } from './react.tsx';",
  'declare const bridge: BridgeClient;',
  'declare const live: LiveQueries;',
  'void bridge.logThread;',
  'void live.syncStatus;',
].join('\n');

function definitionOf(member: string): { file: string; line: string } {
  const config = ts.getParsedCommandLineOfConfigFile(fileURLToPath(new URL('../../tsconfig.json', import.meta.url)), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  if (config === undefined) throw new Error('no tsconfig');
  const read = (file: string) => (file === probe ? probeText : ts.sys.readFile(file));
  const service = ts.createLanguageService({
    getScriptFileNames: () => [probe],
    getScriptVersion: () => '1',
    getScriptSnapshot: (file) => {
      const text = read(file);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => here,
    getCompilationSettings: () => config.options,
    getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
    fileExists: (file) => file === probe || ts.sys.fileExists(file),
    readFile: read,
  });
  const at = probeText.indexOf(member) + member.indexOf('.') + 1;
  const [definition] = service.getDefinitionAtPosition(probe, at) ?? [];
  if (definition === undefined) throw new Error(`no definition for ${member}`);
  const text = readFileSync(definition.fileName, 'utf8');
  const lineStart = text.lastIndexOf('\n', definition.textSpan.start) + 1;
  return { file: definition.fileName, line: text.slice(lineStart, text.indexOf('\n', lineStart)).trim() };
}

describe('bridge types', { timeout: 60_000 }, () => {
  it('send go-to-definition from a page straight to the handler entry', () => {
    const router = `${here}router.ts`;
    expect(definitionOf('bridge.logThread')).toEqual({ file: router, line: 'logThread: method({' });
    expect(definitionOf('live.syncStatus')).toMatchObject({ file: router, line: expect.stringMatching(/^syncStatus: method\(/) });
  });
});
