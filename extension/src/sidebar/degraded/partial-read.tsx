import type { MissingField } from '@baton/readers/gmail';
import type { PageSupport } from '../../messages/to-sidebar.ts';
import { SupportReport } from './support-report.tsx';

const FIELD_NAMES: Record<string, string> = {
  threadId: 'the thread id',
  subject: 'the subject',
  messages: 'the messages',
  user: 'your account',
  id: 'id',
  from: 'sender',
  date: 'date',
  body: 'text',
};

/** "messages.2.date" -> "message 3: date"; "subject" -> "the subject". */
export function describeField(field: string): string {
  const message = /^messages\.(\d+)\.(\w+)$/.exec(field);
  if (message) return `message ${Number(message[1]) + 1}: ${FIELD_NAMES[message[2] ?? ''] ?? message[2]}`;
  return FIELD_NAMES[field] ?? field;
}

/** A page read only in part: what is missing, and the report to send when it should not be. */
export function PartialRead({ missing, result, support }: { missing: MissingField[]; result: unknown; support: PageSupport | undefined }) {
  if (missing.length === 0) return null;
  return (
    <div className="section">
    <details className="small muted degraded-details">
      <summary>Baton could not read everything on this page</summary>
      <ul aria-label="Not read from Gmail">
        {missing.map((gap) => (
          <li key={gap.field}>{describeField(gap.field)}</li>
        ))}
      </ul>
      {support ? <SupportReport site="gmail" result={result} support={support} /> : null}
    </details>
    </div>
  );
}
