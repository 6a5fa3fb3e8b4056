import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Bridge } from '../../shared/contract';
import type { ConsoleState, ConsoleStore } from './store';

interface ConsoleContextValue {
  store: ConsoleStore;
  bridge: Bridge;
}

const ConsoleContext = createContext<ConsoleContextValue | null>(null);

export function ConsoleProvider({ store, bridge, children }: ConsoleContextValue & { children: ReactNode }) {
  return <ConsoleContext.Provider value={{ store, bridge }}>{children}</ConsoleContext.Provider>;
}

function useConsoleContext(): ConsoleContextValue {
  const value = useContext(ConsoleContext);
  if (!value) throw new Error('ConsoleProvider is missing above this component');
  return value;
}

/** Reads the window's store through a named selector (see selectors.ts). */
export function useConsole<T>(selector: (state: ConsoleState) => T): T {
  return useStore(useConsoleContext().store, selector);
}

export function useConsoleStore(): ConsoleStore {
  return useConsoleContext().store;
}

export function useBridge(): Bridge {
  return useConsoleContext().bridge;
}
