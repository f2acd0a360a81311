import type { Campaign, User } from '@core/domain/lead';
import { toCampaign, toUser } from '../domain/mappers';
import { listCampaigns } from '../repositories/campaigns-repository';
import { listUsers } from '../repositories/users-repository';
import { readDb, type AppContext } from './context';

/** Choices for owner and campaign fields. */
export async function lookups(ctx: AppContext): Promise<{ users: User[]; campaigns: Campaign[] }> {
  const db = readDb(ctx);
  const [users, campaigns] = await Promise.all([listUsers(db), listCampaigns(db)]);
  return { users: users.map(toUser), campaigns: campaigns.map(toCampaign) };
}
