import { Fragment } from 'react';
import type { ReactNode } from 'react';
import { Group, Panel, Separator } from 'react-resizable-panels';
import { useConsole, useConsoleStore } from '../store/context';
import { selectPanelSizes } from '../store/selectors';

export interface SplitPane {
  readonly id: string;
  /** Percent of the window, before the operator has moved anything. */
  readonly size: number;
  readonly content: ReactNode;
}

/**
 * A role's panels side by side (or stacked), resizable by pointer and keyboard. The sizes the operator leaves are
 * this window's own, saved under its role by the core and given back on the next start.
 */
export function Split({ panes, orientation = 'horizontal' }: { panes: readonly SplitPane[]; orientation?: 'horizontal' | 'vertical' }) {
  const saved = useConsole(selectPanelSizes);
  const store = useConsoleStore();
  const sizes = saved?.length === panes.length ? saved : panes.map((p) => p.size);
  const defaultLayout = Object.fromEntries(panes.map((p, i) => [p.id, sizes[i] ?? p.size]));
  return (
    <Group
      className="split"
      orientation={orientation}
      defaultLayout={defaultLayout}
      onLayoutChanged={(layout, meta) => {
        if (meta.isUserInteraction) store.getState().setPanelSizes(panes.map((p) => Math.round((layout[p.id] ?? p.size) * 10) / 10));
      }}
    >
      {panes.map((pane, i) => (
        <Fragment key={pane.id}>
          {i > 0 && <Separator className="split-handle" />}
          <Panel id={pane.id} minSize="15" className="split-pane">
            {pane.content}
          </Panel>
        </Fragment>
      ))}
    </Group>
  );
}
