import { render } from 'preact';
import '../../components/ui/ui.css';
import './popup.css';
import { App } from './App';

document.documentElement.lang = navigator.language;
render(<App />, document.getElementById('app') as HTMLElement);
