import type { ReactNode } from 'react';
import {
  Box,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SOURCE_CHANNELS } from '@core/domain/channels';
import { BUYING_ROLES, SALUTATIONS, type Campaign, type User } from '@core/domain/lead';
import { DateField } from '../../shared/date-field';
import { issueText } from '../../shared/errors';
import { DoNotContactSwitch } from '../../shared/do-not-contact';
import type { FormErrors, FormField, LeadFormValues } from './form-state';

type Props = {
  values: LeadFormValues;
  errors: FormErrors;
  users: User[];
  campaigns: Campaign[];
  onChange: (changes: Partial<LeadFormValues>) => void;
};

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={3} size="h5" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** The fields with a label of their own (`ui.fields.*`); do-not-contact is a labelled checkbox. */
type LabelledField = Exclude<FormField, 'doNotContact'>;

/** The editable fields of a lead; controlled, so a failed save keeps every keystroke. */
export function LeadForm({ values, errors, users, campaigns, onChange }: Props) {
  const { t } = useTranslation();
  const error = (field: FormField) => issueText(t, errors[field]);
  const text = (field: LabelledField, extra: { required?: boolean; type?: string } = {}) => (
    <TextInput
      label={t(`ui.fields.${field}`)}
      value={values[field]}
      onChange={(event) => onChange({ [field]: event.currentTarget.value })}
      error={error(field)}
      required={extra.required}
      type={extra.type}
    />
  );
  const select = (field: LabelledField, data: { value: string; label: string }[]) => (
    <NativeSelect
      label={t(`ui.fields.${field}`)}
      value={values[field]}
      onChange={(event) => onChange({ [field]: event.currentTarget.value })}
      error={error(field)}
      data={data}
    />
  );

  return (
    <Stack gap="md">
      <Section title={t('ui.detail.person')}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" verticalSpacing="xs">
          {select(
            'salutation',
            SALUTATIONS.map((s) => ({ value: s, label: t(`salutations.${s}`) })),
          )}
          {text('firstName')}
          {text('lastName', { required: true })}
          {text('email', { type: 'email' })}
          {text('phone', { type: 'tel' })}
          {text('mobile', { type: 'tel' })}
          {text('jobTitle')}
          {select(
            'buyingRole',
            BUYING_ROLES.map((r) => ({ value: r, label: t(`buyingRoles.${r}`) })),
          )}
        </SimpleGrid>
        <Box mt="md">
          <DoNotContactSwitch
            checked={values.doNotContact === 'yes'}
            onChange={(checked) => onChange({ doNotContact: checked ? 'yes' : 'no' })}
          />
        </Box>
      </Section>
      <Section title={t('ui.detail.company')}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" verticalSpacing="xs">
          {text('companyName')}
          {text('industry')}
          {text('website')}
          {text('employees')}
          {text('branches')}
          {text('street')}
          {text('postalCode')}
          {text('city')}
          {text('country')}
        </SimpleGrid>
      </Section>
      <Section title={t('ui.detail.sales')}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" verticalSpacing="xs">
          {select(
            'sourceChannel',
            SOURCE_CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) })),
          )}
          {select('campaignId', [
            { value: '', label: t('ui.fields.noCampaign') },
            ...campaigns.map((c) => ({ value: c.id, label: c.name })),
          ])}
          {select('ownerId', [
            { value: '', label: t('ui.fields.noOwner') },
            ...users.map((u) => ({ value: u.id, label: u.name })),
          ])}
          {text('expectedValue')}
          <DateField
            mode="day"
            label={t('ui.fields.expectedCloseDate')}
            value={values.expectedCloseDate}
            onChange={(expectedCloseDate) => onChange({ expectedCloseDate })}
            error={error('expectedCloseDate')}
          />
        </SimpleGrid>
        <Textarea
          mt="xs"
          label={t('ui.fields.notes')}
          value={values.notes}
          onChange={(event) => onChange({ notes: event.currentTarget.value })}
          error={error('notes')}
          autosize
          minRows={3}
        />
      </Section>
    </Stack>
  );
}
