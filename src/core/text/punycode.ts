import punycode from 'punycode/punycode.js';

/** Longest label DNS allows; a longer one is no domain, so it is left as it is. */
const MAX_LABEL_LENGTH = 63;

/**
 * Converts an internationalised domain name to its ASCII form (`münchen.de` →
 * `xn--mnchen-3ya.de`), lower-casing it first. Pure ASCII labels are returned unchanged.
 * Only full stops separate labels. A label longer than DNS allows is returned unencoded (it
 * fails any domain check either way), which also keeps the encoder's overflow error away.
 */
export function domainToAscii(domain: string): string {
  return domain
    .normalize('NFC')
    .toLowerCase()
    .split('.')
    .map((label) =>
      [...label].every((c) => c.charCodeAt(0) < 0x80) || label.length > MAX_LABEL_LENGTH
        ? label
        : `xn--${punycode.encode(label)}`,
    )
    .join('.');
}
