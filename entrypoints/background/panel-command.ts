import { browser } from 'wxt/browser';
import { openSidePanel } from '../../components/panel';
import { OPEN_PANEL_COMMAND } from './command-names';

/**
 * The keyboard shortcut that opens the side panel (Chrome; Firefox's manifest binds the built-in
 * `_execute_sidebar_action` instead, so this listener never hears it there). The panel is opened in the
 * listener's own call: the key press is the user gesture `sidePanel.open` needs.
 */
export function onPanelCommand(command: string, tab?: { windowId?: number }): void {
  if (command !== OPEN_PANEL_COMMAND) return;
  void openSidePanel(tab?.windowId).catch(() => {});
}

export function registerPanelCommand(): void {
  browser.commands?.onCommand.addListener(onPanelCommand);
}
