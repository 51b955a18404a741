import { useQuery } from '@tanstack/react-query';
import { useLiveQueries } from '../../bridge/react.tsx';

/** The sender's line under a pending handoff: queued on this device, refused, or waiting for the recipient. */
export function SenderLine({ handoffId, toName }: { handoffId: string; toName: string }) {
  const { data } = useQuery(useLiveQueries().handoffDelivery({ handoffId }));
  if (data === undefined) return null;
  if (data.state === 'queued') {
    return <p className="small muted">Saved on this device — {toName} has not been told yet; Baton sends it when it reaches its API.</p>;
  }
  if (data.state === 'failed') {
    return (
      <p className="small danger" role="alert">
        Not sent: {data.reason}
      </p>
    );
  }
  return <p className="small muted">Waiting for {toName} to accept.</p>;
}
