import { bootstrap } from '../../shared/bootstrap';
import { DashboardApp } from './DashboardApp';

bootstrap(() => <DashboardApp />);
