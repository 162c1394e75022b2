// A page for error-boundary.spec.ts, bundled by esbuild and opened in Chromium: the app's own
// ErrorBoundary around a panel that throws while rendering when its data is broken (the way a
// component meets data it did not expect), beside a second panel that must keep working.
// It is a test page, not part of the app: nothing here is reachable from the product.
import { useState, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from '../../renderer/src/components/ErrorBoundary.js';

/** The flaky panel's data, outside React, like the app's stores. */
const data = {
  problem: undefined as undefined | 'error' | 'string',
  listeners: new Set<() => void>(),
  set(problem: undefined | 'error' | 'string') {
    this.problem = problem;
    for (const listener of this.listeners) listener();
  },
};
const subscribe = (listener: () => void) => {
  data.listeners.add(listener);
  return () => data.listeners.delete(listener);
};

function FlakyPanel(): React.JSX.Element {
  const problem = useSyncExternalStore(subscribe, () => data.problem);
  const [clicks, setClicks] = useState(0);
  if (problem === 'error') throw new Error('the flaky panel could not read its data');
  if (problem === 'string') throw 'a bare string was thrown';
  return (
    <section aria-label="Flaky panel">
      <button type="button" onClick={() => setClicks(clicks + 1)}>
        Flaky clicks: {clicks}
      </button>
    </section>
  );
}

function CounterPanel(): React.JSX.Element {
  const [count, setCount] = useState(0);
  return (
    <section aria-label="Counter panel">
      <button type="button" onClick={() => setCount(count + 1)}>
        Count: {count}
      </button>
    </section>
  );
}

function Page(): React.JSX.Element {
  const [item, setItem] = useState(1);
  return (
    <div className="app">
      <header className="topbar">
        <h1>boundary page</h1>
        <button type="button" onClick={() => data.set('error')}>
          Break the data
        </button>
        <button type="button" onClick={() => data.set('string')}>
          Break the data with a string
        </button>
        <button type="button" onClick={() => data.set(undefined)}>
          Fix the data
        </button>
        <button type="button" onClick={() => setItem(item + 1)}>
          Show item {item + 1}
        </button>
      </header>
      <main className="workspace">
        <ErrorBoundary view="flaky panel" resetKey={`item:${item}`}>
          <FlakyPanel />
        </ErrorBoundary>
        <ErrorBoundary view="counter panel">
          <CounterPanel />
        </ErrorBoundary>
      </main>
    </div>
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('the page has no #root');
createRoot(container).render(<Page />);
