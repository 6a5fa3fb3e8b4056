import type { ReactNode } from 'react';
import { LinkBanner } from '../ui/LinkBanner';
import './layout.css';

/** A role without the map: its panels fill the window under the link banner. */
export function WallWindow({ children }: { children: ReactNode }) {
  return (
    <main className="workspace wall-workspace">
      <LinkBanner />
      <div className="wall-body">{children}</div>
    </main>
  );
}
