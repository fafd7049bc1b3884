import { render } from 'preact';
import '../../components/ui/ui.css';
import './options.css';
import { startPageLanguage } from '../../components/language';
import { App } from './App';

// Drawn in the language chosen in these options (or the browser's); the page reloads when it changes.
void startPageLanguage().then(() => render(<App />, document.getElementById('app') as HTMLElement));
