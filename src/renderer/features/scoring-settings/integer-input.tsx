import { useState } from 'react';
import { TextInput, type TextInputProps } from '@mantine/core';

type Props = Omit<TextInputProps, 'value' | 'onChange'> & {
  value: number | null;
  onChange: (value: number | null) => void;
  /** Empty text means null (no limit, no upper end); otherwise empty is NaN, i.e. invalid. */
  nullable?: boolean;
};

/** A whole number as typed, "-12" and "−12" alike; anything else is NaN (shown as an issue). */
export function parseInteger(text: string, nullable: boolean): number | null {
  const trimmed = text.trim().replace('−', '-');
  if (trimmed === '') return nullable ? null : Number.NaN;
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

function format(value: number | null): string {
  return value === null || Number.isNaN(value) ? '' : String(value);
}

/**
 * A text field for a whole number that keeps what the user types ("-", "12a") instead of
 * snapping back, and reports the number it reads. A new value from outside (reset,
 * reload) replaces the text.
 */
export function IntegerInput({ value, onChange, nullable = false, ...rest }: Props) {
  const [text, setText] = useState(() => format(value));
  const [seen, setSeen] = useState(value);
  if (!Object.is(value, seen)) {
    setSeen(value);
    if (!Object.is(parseInteger(text, nullable), value)) setText(format(value));
  }
  return (
    <TextInput
      {...rest}
      inputMode="numeric"
      value={text}
      onChange={(event) => {
        const next = event.currentTarget.value;
        const parsed = parseInteger(next, nullable);
        setText(next);
        setSeen(parsed);
        onChange(parsed);
      }}
    />
  );
}
