import { bootstrap } from '../../shared/bootstrap';
import { SettingsApp } from './SettingsApp';

bootstrap(() => <SettingsApp />);
