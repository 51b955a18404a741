import type { z } from 'zod';
import type { OpenDeal } from '@baton/shared/api';

/** What a deactivated member leaves behind, for a manager to hand to someone else. */
export function OpenDeals({ name, deals }: { name: string; deals: z.infer<typeof OpenDeal>[] }) {
  return (
    <section className="notice" aria-label={`Open deals of ${name}`} role="status">
      <p>
        {name} is deactivated.{' '}
        {deals.length === 0 ? 'They owned no open deals.' : `${deals.length === 1 ? 'This open deal needs' : 'These open deals need'} a new owner:`}
      </p>
      {deals.length > 0 && (
        <ul className="deal-list">
          {deals.map((deal) => (
            <li key={deal.id}>
              <strong>{deal.title}</strong>
              {deal.contactName && <span className="muted"> — {deal.contactName}</span>} <span className="pill small">{deal.stage}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
