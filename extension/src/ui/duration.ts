/** "45 min", "3 h 20 min", "2 days 4 h": how long a handoff waited for its answer. */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return `${days} ${days === 1 ? 'day' : 'days'}${rest === 0 ? '' : ` ${rest} h`}`;
}

export function timeToAccept(handoff: { timeToAcceptMs: number | null; createdAt: string; respondedAt: string | null }): number | null {
  if (handoff.timeToAcceptMs !== null) return handoff.timeToAcceptMs;
  return handoff.respondedAt === null ? null : Date.parse(handoff.respondedAt) - Date.parse(handoff.createdAt);
}
