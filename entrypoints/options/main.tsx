import { render } from 'preact';
import '../../components/ui/ui.css';
import './options.css';
import { startPageLanguage } from '../../components/language';
import { App } from './App';
import { exposeBackupRoundTrip } from './e2e-backup';

// Test builds only (`--mode e2e`): the Firefox browser tests' backup round trip; dropped from shipped builds.
if (import.meta.env.MODE === 'e2e') exposeBackupRoundTrip();
// Drawn in the language chosen in these options (or the browser's); the page reloads when it changes.
void startPageLanguage().then(() => render(<App />, document.getElementById('app') as HTMLElement));
