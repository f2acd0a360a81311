/** Version shown in the app; kept equal to package.json's by an integration test. */
export const APP_VERSION = '0.1.0';
