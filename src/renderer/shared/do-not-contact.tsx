import { Badge, Switch, ThemeIcon, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The red "Kontaktsperre" badge of the detail header: the person objected (GDPR). */
export function DoNotContactBadge() {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('dnc.tooltip')} withinPortal>
      <Badge size="lg" variant="filled" color="red" tt="none" data-testid="dnc-badge">
        ⊘ {t('dnc.badge')}
      </Badge>
    </Tooltip>
  );
}

/** The small marker on a board card or table row of a "do not contact" lead. */
export function DoNotContactMarker() {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('dnc.tooltip')} withinPortal>
      <ThemeIcon
        size={18}
        radius="xl"
        color="red"
        variant="filled"
        role="img"
        aria-label={t('dnc.badge')}
        data-testid="dnc-marker"
        style={{ flexShrink: 0, fontSize: 12 }}
      >
        ⊘
      </ThemeIcon>
    </Tooltip>
  );
}

/** The "Nicht kontaktieren" switch of the lead form; saved with the other fields. */
export function DoNotContactSwitch({
  checked,
  onChange,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <Switch
      color="red"
      label={t('dnc.label')}
      description={t('dnc.description')}
      checked={checked}
      onChange={(event) => onChange(event.currentTarget.checked)}
    />
  );
}
