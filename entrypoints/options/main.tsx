import { render } from 'preact';
import '../../components/ui/ui.css';
import './options.css';
import { App } from './App';

document.documentElement.lang = navigator.language;
render(<App />, document.getElementById('app') as HTMLElement);
