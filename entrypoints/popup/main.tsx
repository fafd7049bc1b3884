import { render } from 'preact';
import '../../components/ui/ui.css';
import './popup.css';
import { startPageLanguage } from '../../components/language';
import { App } from './App';
import { firstReads } from './boot';

// The first frame's reads go out before the first render: the database opens while the page draws its shell.
firstReads();
// In the chosen language (its messages read first only when one was chosen; the page reloads when it changes).
void startPageLanguage().then(() => render(<App />, document.getElementById('app') as HTMLElement));
