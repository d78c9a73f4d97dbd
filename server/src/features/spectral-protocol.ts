/** Between the client and the server's Spectral feature. */

/** Client → server: the Spectral setting or a workspace ruleset file changed; lint every open document again. */
export const SPECTRAL_REFRESH_NOTIFICATION = 'rewst/spectralRefresh';

/** The setting that turns Spectral off (contributed in package.json). */
export const SPECTRAL_ENABLE_SETTING = 'rewstOpenapi.spectral.enable';
