import { useState } from 'react';

/** Without SMTP nothing is mailed: the link is shown (once) to pass on by hand, and the page says why. */
export function InviteLink({ email, link, reason }: { email: string; link: string | null; reason: string | null }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  return (
    <div className="notice" role="status">
      <p>
        No email was sent: {reason ?? 'this Baton has no mail server configured (BATON_SMTP_URL).'} Send {email} this link yourself. It works once, for 7 days, and is shown only now.
      </p>
      {link && (
        <div className="row">
          <input readOnly value={link} aria-label={`Invitation link for ${email}`} onFocus={(event) => event.currentTarget.select()} />
          <button
            type="button"
            onClick={() => {
              navigator.clipboard.writeText(link).then(
                () => setCopied('yes'),
                () => setCopied('failed'),
              );
            }}
          >
            Copy link
          </button>
        </div>
      )}
      {copied === 'yes' && <p className="small ok">Copied.</p>}
      {copied === 'failed' && <p className="small danger">The browser would not copy; select the link and copy it.</p>}
    </div>
  );
}
