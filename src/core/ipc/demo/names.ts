/** Sample leads for trying the app out. */
export const demoNames = {
  domains: ['demo'],
  channels: ['demo.generate'],
  events: [],
} as const;
