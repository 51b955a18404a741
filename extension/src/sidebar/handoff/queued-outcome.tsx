import { useQuery } from '@tanstack/react-query';
import { useLiveQueries } from '../../bridge/react.tsx';

/**
 * "Saved on this device" only for as long as it is true: the message becomes "Handed off to …"
 * once the outbox delivered the handoff, or the API's refusal if it did not take it.
 */
export function QueuedOutcome({ handoffId, to, reason }: { handoffId: string; to: string; reason: string }) {
  const { data } = useQuery(useLiveQueries().handoffDelivery({ handoffId }));
  if (data?.state === 'sent') {
    return (
      <p className="notice ok-notice" role="status">
        Handed off to {to}
      </p>
    );
  }
  if (data?.state === 'failed') {
    return (
      <p className="notice danger" role="alert">
        The handoff to {to} was not accepted by Baton's API: {data.reason}
      </p>
    );
  }
  return (
    <p className="notice" role="status">
      Saved on this device — {to} will be told when Baton reaches its API ({reason}).
    </p>
  );
}
