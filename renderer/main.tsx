import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { boot, identify } from './boot';
import { connectBridge } from './bridge/bridge';
import { setUpI18n } from './i18n';
import { ConsoleProvider } from './store/context';
import { createConsoleStore } from './store/store';
import './theme.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

async function start(element: HTMLElement): Promise<void> {
  await setUpI18n();
  const bridge = connectBridge();
  const store = createConsoleStore();
  // The window knows who it is (role, display, remembered settings, the shared selection) before anything is drawn.
  await identify(bridge, store);
  void boot(bridge, store);
  createRoot(element).render(
    <StrictMode>
      <ConsoleProvider store={store} bridge={bridge}>
        <App />
      </ConsoleProvider>
    </StrictMode>,
  );
}

start(root).catch((error: unknown) => {
  root.textContent = error instanceof Error ? error.message : String(error);
  root.className = 'fatal';
});
