import { useState } from 'react';
import { todayIn, type LocalDate } from '../../../shared/distributions/calendar';
import { useReadyApp } from '../app/ready-app-context';

/** Today on the relay's calendar, read once per page: the list's "coming" and the forms' first proposals start from it. */
export function useToday(): LocalDate {
  const { relay } = useReadyApp();
  const [today] = useState(() => todayIn(relay.timeZone, new Date()));
  return today;
}
