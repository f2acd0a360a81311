/** The people of a file and the choice lists forms need (users, campaigns). */
export const usersNames = {
  domains: ['users', 'lookups'],
  channels: ['users.list', 'users.create', 'users.select', 'lookups.get'],
  events: [],
} as const;
