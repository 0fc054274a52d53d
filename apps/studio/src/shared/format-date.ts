// Every date the studio shows is written by these two, in the user's locale and time zone.
const DATE_TIME: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
const DAY: Intl.DateTimeFormatOptions = { dateStyle: 'medium' };

function format(iso: string, options: Intl.DateTimeFormatOptions): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, options);
}

/** A moment: "6 Dec 2026, 14:05" for en-GB, "Dec 6, 2026, 2:05 PM" for en-US; the text as it is when it is no date. */
export const formatDate = (iso: string): string => format(iso, DATE_TIME);

/** A day: "6 Dec 2026" for en-GB, "Dec 6, 2026" for en-US. */
export const formatDay = (iso: string): string => format(iso, DAY);
