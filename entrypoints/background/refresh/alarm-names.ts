/**
 * The scheduled refresh's alarm names, all under `refresh:` (other alarms of the background have their own
 * prefixes). Apart from schedule.ts so the options page can name them without bundling the background.
 * `cycle` repeats at the person's interval; `continue` goes on with a pass that stopped (a batch done, or a wall
 * the person has since passed).
 */
export const REFRESH_ALARM = 'refresh:cycle';
export const CONTINUE_ALARM = 'refresh:continue';
