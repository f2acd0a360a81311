/** The application itself: its state at start and after every switch, the UI language. */
export const appNames = {
  domains: ['app'],
  channels: ['app.state', 'app.setLanguage'],
  events: [],
} as const;
