/**
 * Keyboard command names, shared by the manifest (wxt.config.ts) and the background's listener. Nothing else
 * here: the build config imports it in Node.
 */
export const OPEN_PANEL_COMMAND = 'open-side-panel';
