import { useState, type ReactNode } from 'react';
import { ActionIcon, Popover, TextInput } from '@mantine/core';
import { DatePicker, DatesProvider, MonthPicker } from '@mantine/dates';
import 'dayjs/locale/de';
import 'dayjs/locale/en-gb';
import { useTranslation } from 'react-i18next';
import type { Language } from '@core/ipc/contract';
import {
  DATE_TIME_PLACEHOLDER,
  DAY_PLACEHOLDER,
  formatDayText,
  formatMonthText,
  MONTH_PLACEHOLDER,
  parseDayText,
  parseMonthText,
} from './format';
import { useLanguage } from './use-language';

/** The dayjs locale of the calendars: German, and British English (day first, Monday). */
const CALENDAR_LOCALES: Record<Language, string> = { de: 'de', en: 'en-gb' };

/** Calendars in the UI language with weeks starting on Monday, whatever the OS locale. */
export function LocalizedDates({ children }: { children: ReactNode }) {
  const language = useLanguage();
  return (
    <DatesProvider settings={{ locale: CALENDAR_LOCALES[language], firstDayOfWeek: 1 }}>
      {children}
    </DatesProvider>
  );
}

function CalendarIcon() {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M16 3v4M8 3v4M3 11h18" />
    </svg>
  );
}

/** A day, a day with a time, or a month. */
export type DateFieldMode = 'day' | 'dateTime' | 'month';

const PLACEHOLDERS: Record<DateFieldMode, Record<Language, string>> = {
  day: DAY_PLACEHOLDER,
  dateTime: DATE_TIME_PLACEHOLDER,
  month: MONTH_PLACEHOLDER,
};

/** The day (`YYYY-MM-DD`) the typed text names, for the calendar to show; else null. */
function calendarValue(mode: DateFieldMode, text: string): string | null {
  if (mode === 'month') {
    const month = parseMonthText(text);
    return month === null ? null : `${month}-01`;
  }
  return parseDayText(mode === 'dateTime' ? (text.trim().split(/[\sT,]+/)[0] ?? '') : text);
}

/** The text for a day picked in the calendar; a date-and-time keeps the typed time. */
function pickedText(mode: DateFieldMode, day: string, text: string, language: Language): string {
  if (mode === 'month') return formatMonthText(day.slice(0, 7), language);
  if (mode === 'day') return formatDayText(day, language);
  const time = /(\d{1,2}:\d{2})\s*$/.exec(text)?.[1] ?? '00:00';
  return `${formatDayText(day, language)} ${time}`;
}

type Props = {
  label: string;
  /** The text as typed or picked (`31.12.2026`); the form reads it on save. */
  value: string;
  onChange: (text: string) => void;
  mode: DateFieldMode;
  error?: ReactNode;
  required?: boolean;
};

/**
 * A date field that reads and writes de-DE (or en-GB) dates whatever the operating
 * system's locale: typed as text in the language's format, or picked from a Mantine
 * calendar. It holds text, not a date, so an unreadable entry stays as typed and the form
 * names it on save.
 */
export function DateField({ label, value, onChange, mode, error, required }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [opened, setOpened] = useState(false);
  const picked = calendarValue(mode, value);
  const choose = (day: string | null) => {
    if (day === null) return;
    onChange(pickedText(mode, day, value, language));
    setOpened(false);
  };
  const calendar = {
    value: picked,
    defaultDate: picked ?? undefined,
    onChange: choose,
    size: 'sm' as const,
  };
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" shadow="md" withinPortal>
      <Popover.Target>
        <TextInput
          label={label}
          value={value}
          onChange={(event) => onChange(event.currentTarget.value)}
          placeholder={PLACEHOLDERS[mode][language]}
          error={error}
          required={required}
          rightSection={
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={t('dates.openCalendar', { field: label })}
              onClick={() => setOpened((open) => !open)}
            >
              <CalendarIcon />
            </ActionIcon>
          }
        />
      </Popover.Target>
      <Popover.Dropdown>
        {mode === 'month' ? <MonthPicker {...calendar} /> : <DatePicker {...calendar} />}
      </Popover.Dropdown>
    </Popover>
  );
}
