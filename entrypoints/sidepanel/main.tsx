import { render } from 'preact';
import '../../components/ui/ui.css';
import './sidepanel.css';
import { startPageLanguage } from '../../components/language';
import { startBoot } from './boot';

// The reads the first frames wait for go out first; the panel's code (the source registry, the search) loads
// and compiles while they are on their way. Asked for in the next task: the reads leave in this task's
// microtasks, and asking for a chunk adds a link per file it needs, which would hold them back.
startBoot();
const language = startPageLanguage();
setTimeout(() => {
  void Promise.all([import('./App'), language]).then(([{ App }]) =>
    render(<App />, document.getElementById('app') as HTMLElement),
  );
}, 0);
