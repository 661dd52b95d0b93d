import { createContext, useContext } from 'react';
import type { TimeSettings } from '../../shared/dates';

/** Who is looking and how they read times, from the Forge context. */
export interface PanelEnvironment {
  time: TimeSettings;
  accountId?: string;
}

export const EnvironmentContext = createContext<PanelEnvironment>({ time: { locale: 'en-GB', timeZone: 'UTC' } });

export const useTimeSettings = (): TimeSettings => useContext(EnvironmentContext).time;

export const useCurrentAccountId = (): string | undefined => useContext(EnvironmentContext).accountId;
