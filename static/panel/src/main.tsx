import { bootstrap } from '../../shared/bootstrap';
import { PanelApp } from './PanelApp';
import './panel.css';

bootstrap(() => <PanelApp />);
