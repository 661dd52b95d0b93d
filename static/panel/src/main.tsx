import { bootstrap } from '../../shared/bootstrap';
import { PanelApp } from './PanelApp';

bootstrap(() => <PanelApp />);
