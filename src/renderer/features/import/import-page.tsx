import { useState } from 'react';
import { Button, Group, Stack, Stepper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/client';
import { navigate } from '../../shared/router';
import { FileStep } from './file-step';
import { MappingStep } from './mapping-step';
import { OptionsStep } from './options-step';
import { PreviewStep } from './preview-step';
import { RunStep } from './run-step';
import { useDryRun } from './use-dry-run';
import { useImportJob } from './use-import-job';
import { useImportWizard } from './use-import-wizard';

/** The wizard's steps in order; the index is Mantine's `active`. */
export const IMPORT_STEPS = ['file', 'mapping', 'options', 'preview', 'run'] as const;
type Step = (typeof IMPORT_STEPS)[number];

/** `#/import`: file → mapping → options → preview (dry run) → import. */
export function ImportPage() {
  const { t } = useTranslation();
  const api = useApi();
  const wizard = useImportWizard();
  const [step, setStep] = useState<Step>('file');
  const dry = useDryRun(wizard, step === 'preview');
  const run = useImportJob();
  const { inspection } = wizard;
  const importing = step === 'run' && (run.starting || run.job?.status === 'running');
  const finished = step === 'run' && run.job?.status === 'done';

  const go = (next: Step) => {
    if (step === 'preview' && next !== 'preview') dry.leave();
    setStep(next);
  };

  const startImport = () => {
    const options = wizard.importOptions;
    if (!inspection || !options) return;
    dry.forget();
    setStep('run');
    void run.start(() =>
      api.invoke('import.start', { path: inspection.path, options, dryRun: false }),
    );
  };

  return (
    <Stack gap="md" maw={1400}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} size="h3">
            {t('importUi.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('importUi.subtitle')}
          </Text>
        </div>
        <Button variant="default" onClick={() => navigate('#/imports')}>
          {t('importUi.historyLink')}
        </Button>
      </Group>
      <Stepper
        active={IMPORT_STEPS.indexOf(step)}
        onStepClick={(index) => {
          const target = IMPORT_STEPS[index];
          if (target && !importing && !finished) go(target);
        }}
        allowNextStepsSelect={false}
        size="sm"
      >
        <Stepper.Step label={t('importUi.steps.file')} allowStepSelect={!importing && !finished}>
          <FileStep wizard={wizard} onNext={() => go('mapping')} />
        </Stepper.Step>
        <Stepper.Step label={t('importUi.steps.mapping')} allowStepSelect={!importing && !finished}>
          {inspection && (
            <MappingStep
              wizard={wizard}
              inspection={inspection}
              onBack={() => go('file')}
              onNext={() => go('options')}
            />
          )}
        </Stepper.Step>
        <Stepper.Step label={t('importUi.steps.options')} allowStepSelect={!importing && !finished}>
          <OptionsStep wizard={wizard} onBack={() => go('mapping')} onNext={() => go('preview')} />
        </Stepper.Step>
        <Stepper.Step label={t('importUi.steps.preview')} allowStepSelect={!importing && !finished}>
          {inspection && (
            <PreviewStep
              wizard={wizard}
              inspection={inspection}
              dry={dry}
              onBack={() => go('options')}
              onImport={startImport}
            />
          )}
        </Stepper.Step>
        <Stepper.Step label={t('importUi.steps.run')} loading={importing}>
          <RunStep
            run={run}
            onBackToPreview={() => {
              run.reset();
              go('preview');
            }}
            onAnother={() => {
              run.reset();
              dry.forget();
              wizard.clear();
              go('file');
            }}
          />
        </Stepper.Step>
      </Stepper>
    </Stack>
  );
}
