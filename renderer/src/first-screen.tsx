import { renderToStaticMarkup } from 'react-dom/server';
import { App } from './components/App.js';

/**
 * The wizard as it looks before the engine has answered, as HTML. The build puts it into
 * index.html (electron/launch/first-screen.mjs), so the window shows the wizard as soon as the page
 * arrives, before any script has run; React then draws the same screen in its place.
 */
export function firstScreenHtml(): string {
  return renderToStaticMarkup(<App />);
}
