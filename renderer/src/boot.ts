import '@xterm/xterm/css/xterm.css';
import './styles.css';
import { wireEngine } from './store/wire-engine.js';

// The engine is asked for its state at once, before React and the wizard's code have loaded: the
// connection, the engine's own start and the page's scripts then all go on at the same time.
void wireEngine();

// The page arrives with its first screen in it (the wizard drawn at build time from the step
// catalog, electron/launch/first-screen.mjs). The app's own code (React and the wizard) is started
// once the browser has painted that screen, so compiling it does not hold the paint back; its files
// are already on their way (modulepreload). A hidden window paints nothing, so a timer stands in.
let started = false;
function start(): void {
  if (started) return;
  started = true;
  void import('./main.js');
}
requestAnimationFrame(() => setTimeout(start, 0));
setTimeout(start, 100);
