import { useEffect, useState } from 'react';
import { getSettings, watchSettings, type Settings } from '../settings/index.ts';

/** The current settings, live across extension contexts; undefined while the first read runs. */
export function useSettings(): Settings | undefined {
  const [settings, setSettings] = useState<Settings>();
  useEffect(() => {
    let live = true;
    getSettings().then(
      (value) => live && setSettings(value),
      (error: unknown) => console.error('[baton] settings could not be read', error),
    );
    const stop = watchSettings((next) => setSettings(next));
    return () => {
      live = false;
      stop();
    };
  }, []);
  return settings;
}

export const isSignedIn = (settings: Settings): boolean =>
  settings.apiUrl !== null && settings.hasToken && settings.user !== null;
