import type { ChannelOf } from '@core/ipc/channels';
import type { leadsNames } from '@core/ipc/leads/names';
import { updateBant } from '../../services/bant-service';
import { addActivity } from '../../services/activities-service';
import { listLeads } from '../../services/leads-list-service';
import { createLead, deleteLead, getLead, updateLead } from '../../services/leads-service';
import { moveLead } from '../../services/moves-service';
import type { HandlerMap } from '../handler-map';

/** The lead, activity and BANT channels, each handing the parsed input to one service. */
export const leadsHandlers: HandlerMap<ChannelOf<typeof leadsNames>> = {
  'leads.list': (ctx, input) => listLeads(ctx, input),
  'leads.get': (ctx, input) => getLead(ctx, input.id),
  'leads.create': (ctx, input) => createLead(ctx, input.fields),
  'leads.update': (ctx, input) => updateLead(ctx, input.id, input.version, input.fields),
  'leads.move': (ctx, input) => moveLead(ctx, input),
  'leads.delete': (ctx, input) => deleteLead(ctx, input.id, input.version),
  'activities.add': (ctx, input) => addActivity(ctx, input),
  'bant.update': (ctx, input) => updateBant(ctx, input.leadId, input.version, input.bant),
};
