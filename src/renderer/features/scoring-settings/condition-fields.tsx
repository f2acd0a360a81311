import { Group, MultiSelect, NativeSelect, TagsInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SOURCE_CHANNELS, type SourceChannel } from '@core/domain/channels';
import {
  ACTIVITY_KINDS,
  BUYING_ROLES,
  type ActivityKind,
  type BuyingRole,
} from '@core/domain/lead';
import { assertNever } from '@core/domain/stages';
import type { KeysUnder } from '@core/i18n';
import type { FieldIssue } from '@core/ipc/result';
import {
  CONTENT_TYPES,
  PRESENCE_FIELDS,
  type Condition,
  type ContentType,
  type PresenceField,
} from '@core/scoring/index';
import { issueText } from '../../shared/errors';
import { issueAt } from './draft';
import { IntegerInput } from './integer-input';

/** The label of a condition's input (`settingsPage.rules.*`). */
type RuleLabel = KeysUnder<'settingsPage.rules'>;

type Props = {
  condition: Condition;
  /** Where the condition sits in the draft (`['rules', 3, 'condition']`), for its issues. */
  path: (string | number)[];
  issues: FieldIssue[];
  /** The enum a rule tests (which field, role, activity …) is chosen once, for a new rule. */
  choosable: boolean;
  /** The rule in words, to tell the inputs of one row from those of the next. */
  ruleText: string;
  onChange: (condition: Condition) => void;
};

/** The inputs for a condition's parameters; conditions without any render nothing. */
export function ConditionFields({ condition, path, issues, choosable, ruleText, onChange }: Props) {
  const { t } = useTranslation();
  const error = (...sub: string[]) => issueText(t, issueAt(issues, [...path, ...sub]));
  const label = (key: RuleLabel) => `${t(`settingsPage.rules.${key}`)}: ${ruleText}`;
  const select = <T extends string>(
    key: RuleLabel,
    value: T,
    values: readonly T[],
    text: (value: T) => string,
    set: (value: T) => void,
  ) => (
    <NativeSelect
      size="xs"
      aria-label={label(key)}
      value={value}
      data={values.map((v) => ({ value: v, label: text(v) }))}
      onChange={(event) => set(event.currentTarget.value as T)}
      maw={320}
    />
  );
  const list = (key: RuleLabel, values: string[], set: (values: string[]) => void, sub: string) => (
    <TagsInput
      size="xs"
      aria-label={label(key)}
      placeholder={t('settingsPage.rules.listPlaceholder')}
      value={values}
      onChange={set}
      error={error(sub)}
      clearable
    />
  );

  switch (condition.kind) {
    case 'field_present':
      return choosable
        ? select<PresenceField>(
            'field',
            condition.field,
            PRESENCE_FIELDS,
            (f) => t(`scoring.field.${f}`),
            (field) => onChange({ ...condition, field }),
          )
        : null;
    case 'buying_role':
      return choosable
        ? select<BuyingRole>(
            'role',
            condition.role,
            BUYING_ROLES,
            (r) => t(`buyingRoles.${r}`),
            (role) => onChange({ ...condition, role }),
          )
        : null;
    case 'email_domain':
      return choosable
        ? select<'company' | 'freemail'>(
            'domainKind',
            condition.domain,
            ['company', 'freemail'],
            (d) => t(`settingsPage.emailDomains.${d}`),
            (domain) => onChange({ ...condition, domain }),
          )
        : null;
    case 'activity':
      return choosable
        ? select<ActivityKind>(
            'activity',
            condition.activity,
            ACTIVITY_KINDS,
            (a) => t(`activityKinds.${a}`),
            (activity) => onChange({ ...condition, activity }),
          )
        : null;
    case 'content_type':
      return choosable
        ? select<ContentType>(
            'contentType',
            condition.contentType,
            CONTENT_TYPES,
            (c) => t(`contentTypes.${c}`),
            (contentType) => onChange({ ...condition, contentType }),
          )
        : null;
    case 'company_size':
      return (
        <Group gap="xs" align="flex-start" wrap="nowrap">
          <IntegerInput
            size="xs"
            w={120}
            aria-label={label('sizeMin')}
            placeholder={t('settingsPage.rules.sizeMin')}
            value={condition.min}
            onChange={(min) => onChange({ ...condition, min: min ?? Number.NaN })}
            error={error('min')}
          />
          <IntegerInput
            size="xs"
            w={120}
            nullable
            aria-label={label('sizeMax')}
            placeholder="∞"
            value={condition.max}
            onChange={(max) => onChange({ ...condition, max })}
            error={error('max')}
          />
        </Group>
      );
    case 'industry':
      return list(
        'industries',
        condition.industries,
        (industries) => onChange({ ...condition, industries }),
        'industries',
      );
    case 'email_domain_list':
      return list(
        'domains',
        condition.domains,
        (domains) => onChange({ ...condition, domains }),
        'domains',
      );
    case 'page_visit':
      return list(
        'patterns',
        condition.patterns,
        (patterns) => onChange({ ...condition, patterns }),
        'patterns',
      );
    case 'source_channel':
      return (
        <MultiSelect
          size="xs"
          aria-label={label('channels')}
          value={condition.channels}
          data={SOURCE_CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) }))}
          onChange={(channels) => onChange({ ...condition, channels: channels as SourceChannel[] })}
          error={error('channels')}
          searchable
        />
      );
    default:
      return assertNever(condition);
  }
}
