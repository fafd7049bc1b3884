import { render } from 'preact';
import '../../components/ui/ui.css';
import './popup.css';
import { App } from './App';
import { firstReads } from './boot';

document.documentElement.lang = navigator.language;
// The first frame's reads go out before the first render: the database opens while the page draws its shell.
firstReads();
render(<App />, document.getElementById('app') as HTMLElement);
