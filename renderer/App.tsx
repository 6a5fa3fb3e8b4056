import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DispatchBoard } from './board/DispatchBoard';
import { IncidentPanel } from './incidents/IncidentPanel';
import { NeedsAttention } from './incidents/NeedsAttention';
import { MapStage } from './layout/MapStage';
import { MapWall } from './layout/MapWall';
import { WallWindow } from './layout/WallWindow';
import { FeedHealthPanel } from './panels/FeedHealthPanel';
import { MapLegend } from './panels/MapLegend';
import { SelectionCard } from './panels/SelectionCard';
import { ReportsDesk } from './reports/ReportsDesk';
import { StatusWall } from './status/StatusWall';
import { useConsole } from './store/context';
import { selectDialog, selectRole } from './store/selectors';
import { HelpOverlay } from './ui/HelpOverlay';
import { TopBar } from './ui/TopBar';
import './layout/layout.css';

/** Today's all-in-one console: one display, or a window opened without a role. */
function AllInOne() {
  return (
    <MapStage>
      <aside className="overlay overlay-left">
        <IncidentPanel />
        <MapLegend />
      </aside>
      <aside className="overlay overlay-right">
        <FeedHealthPanel />
        <NeedsAttention />
        <SelectionCard />
        <ReportsDesk />
      </aside>
    </MapStage>
  );
}

function RoleBody() {
  const role = useConsole(selectRole);
  switch (role) {
    case 'map':
      return <MapWall />;
    case 'queue':
      return (
        <WallWindow>
          <IncidentPanel split />
          <ReportsDesk />
        </WallWindow>
      );
    case 'board':
      return (
        <WallWindow>
          <DispatchBoard />
        </WallWindow>
      );
    case 'status':
      return (
        <WallWindow>
          <StatusWall />
        </WallWindow>
      );
    case 'all':
      return <AllInOne />;
  }
}

/** One window of the console, laid out for the role it learnt from the core before it mounted. */
export function App() {
  const { t } = useTranslation();
  const role = useConsole(selectRole);
  const dialog = useConsole(selectDialog);
  useEffect(() => {
    document.title = role === 'all' ? t('brand') : `${t(`wall.roles.${role}`)} · ${t('brand')}`;
  }, [role, t]);
  return (
    <div className={`console role-${role}`} data-role={role}>
      <TopBar />
      <RoleBody />
      {dialog === 'help' && <HelpOverlay />}
    </div>
  );
}
