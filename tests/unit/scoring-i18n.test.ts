import { describe, expect, it } from 'vitest';
import { translateDescribed, translateKeyOf } from '@core/i18n';
import { BANT_ELEMENTS } from '@core/scoring/bant';
import { CONTENT_TYPES, BUYING_PHASES } from '@core/scoring/content';
import {
  DEFAULT_SCORING_SETTINGS,
  describeCondition,
  HANDOVER_CRITERIA,
} from '@core/scoring/rules';
import { ACTIVITY_KINDS } from '@core/domain/lead';

const LANGUAGES = ['de', 'en'] as const;

describe('scoring texts', () => {
  it('describes every default rule in words in both languages, without raw keys', () => {
    for (const language of LANGUAGES) {
      for (const rule of DEFAULT_SCORING_SETTINGS.rules) {
        const text = translateDescribed(language, describeCondition(rule.condition));
        expect(text, rule.id).not.toMatch(
          /scoring\.|buyingRoles\.|activityKinds\.|contentTypes\.|\{\{/,
        );
      }
    }
  });

  it('renders parameters: field names, roles, content types, lists and channels', () => {
    expect(
      translateDescribed('de', describeCondition({ kind: 'field_present', field: 'phone' })),
    ).toBe('Direkte Telefonnummer angegeben');
    expect(
      translateDescribed(
        'de',
        describeCondition({ kind: 'content_type', contentType: 'price_list' }),
      ),
    ).toBe('Download: Preisliste');
    expect(
      translateDescribed(
        'de',
        describeCondition({ kind: 'source_channel', channels: ['trade_fair', 'referral'] }),
      ),
    ).toBe('Quelle: Messe, Empfehlung');
    expect(
      translateDescribed('en', describeCondition({ kind: 'company_size', min: 250, max: null })),
    ).toBe('Company size from 250 employees');
  });

  it('names every activity kind, content type, phase, handover criterion and BANT element', () => {
    const keys = [
      ...ACTIVITY_KINDS.map((k) => `activityKinds.${k}`),
      ...CONTENT_TYPES.map((k) => `contentTypes.${k}`),
      ...BUYING_PHASES.map((k) => `buyingPhases.${k}`),
      ...HANDOVER_CRITERIA.map((k) => `scoring.handover.${k}`),
      ...BANT_ELEMENTS.map((k) => `scoring.bant.${k}`),
    ];
    for (const language of LANGUAGES) {
      for (const key of keys) expect(translateKeyOf(language, key), key).not.toBe(key);
    }
  });
});
