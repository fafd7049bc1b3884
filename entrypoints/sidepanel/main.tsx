import { render } from 'preact';
import '../../components/ui/ui.css';
import './sidepanel.css';
import { startBoot } from './boot';

document.documentElement.lang = navigator.language;
// The reads the first frames wait for go out first; the panel's code (the source registry, the search) loads
// and compiles while they are on their way. Asked for in the next task: the reads leave in this task's
// microtasks, and asking for a chunk adds a link per file it needs, which would hold them back.
startBoot();
setTimeout(() => {
  void import('./App').then(({ App }) => render(<App />, document.getElementById('app') as HTMLElement));
}, 0);
