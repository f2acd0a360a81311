import { ActionIcon, Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { STAGES, type Stage } from '@core/domain/stages';

type Props = {
  current: Stage;
  onMove: (to: Stage) => void;
  /** Compact icon on cards, a labelled button on the detail view. */
  variant: 'icon' | 'button';
};

/** The keyboard way to move a lead: a menu with every other stage. */
export function MoveMenu({ current, onMove, variant }: Props) {
  const { t } = useTranslation();
  const label = t('ui.card.moveTo');
  return (
    <Menu position="bottom-end" withinPortal shadow="md">
      <Menu.Target>
        {variant === 'icon' ? (
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            aria-label={label}
            onClick={(event) => event.stopPropagation()}
            onKeyDown={(event) => event.stopPropagation()}
          >
            ⋯
          </ActionIcon>
        ) : (
          <Button variant="light" size="xs">
            {label}
          </Button>
        )}
      </Menu.Target>
      <Menu.Dropdown onClick={(event) => event.stopPropagation()}>
        <Menu.Label>{label}</Menu.Label>
        {STAGES.filter((stage) => stage !== current).map((stage) => (
          <Menu.Item key={stage} onClick={() => onMove(stage)}>
            {t(`stages.${stage}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
