import type { Kysely } from 'kysely';
import type { ChannelOutput } from '@core/ipc/contract';
import { scoringSettingsSchema } from '@core/ipc/scoring-schemas';
import { DEFAULT_SCORING_SETTINGS, type ScoringSettings } from '@core/scoring';
import type { Database } from '../db/schema';
import { findSetting } from '../repositories/settings-repository';

export type ScoringState = ChannelOutput<'scoring.get'>;

/** Key of the scoring model in the shared `settings` table. */
export const SCORING_KEY = 'scoring';

/**
 * The stored model; the defaults when there is none or it cannot be read (a file written by
 * a broken or newer build must not stop the app).
 */
function parseSettings(value: string): ScoringSettings {
  try {
    const parsed = scoringSettingsSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : DEFAULT_SCORING_SETTINGS;
  } catch {
    return DEFAULT_SCORING_SETTINGS;
  }
}

/** The model with who saved it last and when (`updatedAt: null`: the defaults apply). */
export async function readScoringState(db: Kysely<Database>): Promise<ScoringState> {
  const row = await findSetting(db, SCORING_KEY);
  if (row === undefined) {
    return {
      settings: DEFAULT_SCORING_SETTINGS,
      updatedAt: null,
      updatedBy: null,
      updatedByName: null,
    };
  }
  return {
    settings: parseSettings(row.value),
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    updatedByName: row.updated_by_name,
  };
}

/** The team's scoring model as stored in the file, or the defaults. */
export async function loadScoringSettings(db: Kysely<Database>): Promise<ScoringSettings> {
  return (await readScoringState(db)).settings;
}
