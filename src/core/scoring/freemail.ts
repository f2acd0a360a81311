/**
 * Domains of freemail providers common in Germany and worldwide. An address there says
 * nothing about the lead's company; a company domain is a fit signal.
 */
export const FREEMAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmx.de',
  'gmx.net',
  'gmx.at',
  'gmx.ch',
  'gmx.com',
  'web.de',
  't-online.de',
  'freenet.de',
  'posteo.de',
  'posteo.net',
  'mailbox.org',
  'arcor.de',
  'online.de',
  'email.de',
  'vodafone.de',
  'kabelmail.de',
  'yahoo.de',
  'yahoo.com',
  'ymail.com',
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'outlook.de',
  'hotmail.com',
  'hotmail.de',
  'live.com',
  'live.de',
  'msn.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'aol.de',
  'protonmail.com',
  'proton.me',
  'tutanota.com',
  'tutanota.de',
  'tuta.io',
  'zoho.com',
  'mail.de',
]);

/** The lower-cased domain of an email address, or null. */
export function emailDomain(email: string | null): string | null {
  if (email === null) return null;
  const at = email.lastIndexOf('@');
  return at < 0 ? null : email.slice(at + 1).toLowerCase();
}

/** True when the address belongs to a freemail provider. */
export function isFreemail(email: string | null): boolean {
  const domain = emailDomain(email);
  return domain !== null && FREEMAIL_DOMAINS.has(domain);
}
