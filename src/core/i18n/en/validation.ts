import type { Catalog } from '../catalog';

/** English texts. Validation messages of input fields. */
export const validation: Catalog['validation'] = {
  required: 'Required',
  too_long: 'Too long',
  too_large: 'Too large',
  email: 'Not a valid email address',
  phone: 'Not a valid phone number',
  number: 'Please enter a number',
  whole_number: 'Please enter a whole number',
  negative: 'Must not be negative',
  date: 'Not a valid date',
  stage: 'Unknown stage',
  channel: 'Unknown channel',
  type: 'Invalid value',
  invalid: 'Invalid value',
  amount: 'Not a valid amount',
  points_range: 'Points between −1000 and 1000',
  min_one: 'At least 1',
  hot_above_warm: '“Hot” must be above “warm”',
  duplicate: 'Used twice',
  range_order: 'The end must be above the start',
  month: 'Please choose a month',
};
