import type { z } from 'zod';
import type { FieldIssue } from './result';

/**
 * Turns zod issues into translatable field issues. Our schemas use i18n keys as messages;
 * zod's own messages (type errors on malformed requests) fall back to generic keys.
 */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    if (issue.message.startsWith('validation.')) return { path, key: issue.message };
    switch (issue.code) {
      case 'too_small':
        return { path, key: 'validation.required' };
      case 'too_big':
        return { path, key: 'validation.too_long' };
      case 'invalid_type':
        return { path, key: 'validation.type' };
      default:
        return { path, key: 'validation.invalid' };
    }
  });
}
