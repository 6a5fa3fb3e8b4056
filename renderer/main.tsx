import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { boot } from './boot';
import { connectBridge } from './bridge/bridge';
import { ConsoleProvider } from './store/context';
import { createConsoleStore } from './store/store';
import './theme.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

try {
  const bridge = connectBridge();
  const store = createConsoleStore();
  void boot(bridge, store);
  createRoot(root).render(
    <StrictMode>
      <ConsoleProvider store={store} bridge={bridge}>
        <App />
      </ConsoleProvider>
    </StrictMode>,
  );
} catch (error) {
  root.textContent = error instanceof Error ? error.message : String(error);
  root.className = 'fatal';
}
