import { connect } from '../api/connect.js';
import { errorMessage } from '../api/studio-error.js';
import { useStudio } from './studio-store.js';
import { useRuns } from './runs-store.js';
import { useRemote } from './remote-store.js';

/** Connects to the engine once, outside React, and feeds its events into the store. */
export async function wireEngine(): Promise<void> {
  const store = useStudio.getState();
  try {
    const { api, onConnectionLost } = await connect();
    api.subscribe('steps:updated', (step) => useStudio.getState().stepUpdated(step));
    api.subscribe('app:notice', (notice) => useStudio.getState().noticeAdded(notice));
    api.subscribe('app:noticeRemoved', ({ id }) => useStudio.getState().noticeRemoved(id));
    api.subscribe('runs:changed', () => void useRuns.getState().load().catch(() => undefined));
    api.subscribe('runs:rerun', (state) => useRuns.getState().rerunChanged(state));
    api.subscribe('settings:changed', (settings) => useStudio.getState().settingsChanged(settings));
    api.subscribe('remote:updated', (status) => useRemote.getState().set(status));
    onConnectionLost(() => useStudio.getState().connectionChanged('lost', 'The engine stopped or the connection closed. Restart the app and reload this page.'));
    const [appInfo, settings, steps] = await Promise.all([api.request('app:info', {}), api.request('settings:get', {}), api.request('steps:list', {})]);
    store.connected(api, appInfo, settings, steps);
    await useRuns.getState().load();
    useRemote.getState().set(await api.request('remote:status', {}));
  } catch (error) {
    store.connectionChanged('failed', errorMessage(error));
  }
}
