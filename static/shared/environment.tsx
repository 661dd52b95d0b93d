import { createContext, useContext } from 'react';
import type { ModuleContext } from './context';
import { formatCalendarDate, formatInstant, timeSettings, type TimeSettings } from './dates';

/** Who is looking and how they read times, from the Forge context (their Jira profile). */
export interface ModuleEnvironment {
  time: TimeSettings;
  accountId?: string;
}

export const environmentOf = (context: ModuleContext): ModuleEnvironment => ({
  time: timeSettings(context.locale, context.timezone),
  ...(context.accountId ? { accountId: context.accountId } : {}),
});

export const EnvironmentContext = createContext<ModuleEnvironment>({ time: { locale: 'en-GB', timeZone: 'UTC' } });

export const useTimeSettings = (): TimeSettings => useContext(EnvironmentContext).time;

export const useCurrentAccountId = (): string | undefined => useContext(EnvironmentContext).accountId;

/** Formatters bound to the user's locale and zone: `day` for calendar days, `instant` for moments. */
export function useDates(): { day: (date: string) => string; instant: (iso: string) => string } {
  const time = useTimeSettings();
  return { day: (date) => formatCalendarDate(date, time), instant: (iso) => formatInstant(iso, time) };
}
