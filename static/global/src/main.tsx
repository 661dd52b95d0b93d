import { bootstrap } from '../../shared/bootstrap';
import { GlobalApp } from './GlobalApp';
import '../../shared/dashboard/dashboard-parts.css';

bootstrap(() => <GlobalApp />);
