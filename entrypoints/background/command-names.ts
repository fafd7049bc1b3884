/**
 * Keyboard command names, shared by the manifest (wxt.config.ts) and the background's listener. Nothing else
 * here: the build config imports it in Node.
 */
export const OPEN_PANEL_COMMAND = 'open-side-panel';

/** Firefox's built-in command that opens an add-on's sidebar (the manifest gives it the same keys). */
export const FIREFOX_SIDEBAR_COMMAND = '_execute_sidebar_action';
