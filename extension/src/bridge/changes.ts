import type { DBCoreMutateRequest, DBCoreTable } from 'dexie';
import type { BatonDb } from '../local/db.ts';

type Committable = Partial<Pick<IDBTransaction, 'addEventListener'>>;

/**
 * Calls `onChange` with the tables written, after their transaction committed (so a page that
 * re-reads sees the write), batched over `debounceMs`. A DBCore middleware sees every write of
 * this connection, including the sync engine's; the background is the only writer.
 * Must be installed before the database is first opened.
 */
export function watchChanges(db: BatonDb, onChange: (tables: string[]) => void, debounceMs = 30): () => void {
  const waiting = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const flush = () => {
    timer = undefined;
    const tables = [...waiting];
    waiting.clear();
    if (!stopped && tables.length > 0) onChange(tables);
  };
  const note = (tables: Iterable<string>) => {
    for (const table of tables) waiting.add(table);
    timer ??= setTimeout(flush, debounceMs);
  };
  const perTransaction = new WeakMap<object, Set<string>>();

  const track = (name: string, request: DBCoreMutateRequest): boolean => {
    const trans = request.trans as unknown as Committable;
    if (typeof trans.addEventListener !== 'function') return false;
    let tables = perTransaction.get(trans);
    if (tables === undefined) {
      const fresh = new Set<string>();
      perTransaction.set(trans, fresh);
      trans.addEventListener('complete', () => note(fresh), { once: true });
      tables = fresh;
    }
    tables.add(name);
    return true;
  };

  db.use({
    stack: 'dbcore',
    name: 'baton-changes',
    create: (down) => ({
      ...down,
      table: (name: string): DBCoreTable => {
        const table = down.table(name);
        return {
          ...table,
          mutate: async (request) => {
            const onCommit = track(name, request);
            const result = await table.mutate(request);
            // Without a real IDBTransaction to listen to, the write is reported once it returned.
            if (!onCommit) note([name]);
            return result;
          },
        };
      },
    }),
  });
  return () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
  };
}
