/**
 * Local calendar days for the practice statistics. A review at 00:30 in Berlin belongs to that
 * Berlin day, not to the UTC day before it, and a day is a day even when it has 23 or 25 hours
 * (daylight-saving changes): days are counted by their local date, never by 24-hour steps.
 */

const dayMs = 24 * 60 * 60_000;

/** A local date as `YYYY-MM-DD`. */
export type DayKey = string;

export interface LocalCalendar {
  /** Minutes to add to UTC to get the local wall-clock time at this instant (Berlin in winter: 60). */
  offsetMinutes(time: number): number;
}

/** Days since 1970-01-01 of the local date of `time`: consecutive dates have consecutive numbers. */
export function localDayNumber(calendar: LocalCalendar, time: number): number {
  return Math.floor((time + calendar.offsetMinutes(time) * 60_000) / dayMs);
}

export function dayKeyOf(dayNumber: number): DayKey {
  return new Date(dayNumber * dayMs).toISOString().slice(0, 10);
}

export function localDayKey(calendar: LocalCalendar, time: number): DayKey {
  return dayKeyOf(localDayNumber(calendar, time));
}

const dayKeyPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of a `YYYY-MM-DD` date, or undefined when it is not a real date. */
export function dayNumberOf(key: string): number | undefined {
  const match = dayKeyPattern.exec(key);
  if (!match) {
    return undefined;
  }
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return dayKeyOf(time / dayMs) === key ? time / dayMs : undefined;
}

/**
 * The first instant of a local day. It is usually local midnight; where a daylight-saving
 * change skips midnight (clocks jump from 00:00 to 01:00), it is the first instant that exists.
 */
export function startOfLocalDay(calendar: LocalCalendar, dayNumber: number): number {
  const midnightUtc = dayNumber * dayMs;
  // The offset a few hours either side of midnight: one of them is the offset in force there.
  const candidates = [calendar.offsetMinutes(midnightUtc - 14 * 3_600_000), calendar.offsetMinutes(midnightUtc + 14 * 3_600_000)]
    .map((offset) => midnightUtc - offset * 60_000)
    .sort((a, b) => a - b);
  for (const candidate of candidates) {
    if (localDayNumber(calendar, candidate) === dayNumber) {
      // A skipped midnight: step back to the change itself (at most the size of one offset change).
      let start = candidate;
      for (let step = 60 * 60_000; step >= 60_000; step /= 2) {
        while (localDayNumber(calendar, start - step) === dayNumber) {
          start -= step;
        }
      }
      return start;
    }
  }
  return candidates[0];
}

export const utcCalendar: LocalCalendar = { offsetMinutes: () => 0 };

/** A calendar from an offset function, e.g. the host's own zone: `(time) => -new Date(time).getTimezoneOffset()`. */
export function calendarFromOffset(offsetMinutes: (time: number) => number): LocalCalendar {
  return { offsetMinutes };
}

/**
 * A calendar for an IANA time zone (`Europe/Berlin`), through Intl; an unknown zone throws a
 * RangeError, as Intl does.
 */
export function calendarForTimeZone(timeZone: string): LocalCalendar {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  // Formatting costs microseconds and the dashboard asks for every review of the log, so answers
  // are kept: per UTC day when the offset is the same at both ends of the day (a zone changes its
  // offset at most once a day), else per quarter hour (the transitions of recent decades fall on
  // quarter hours, UTC, in every zone of the tz database). A year of reviews costs a few hundred
  // formats instead of one per review.
  const quarterHour = 15 * 60_000;
  const byQuarterHour = new Map<number, number>();
  const byDay = new Map<number, number | null>();
  const compute = (time: number): number => {
    const parts: Record<string, number> = {};
    for (const part of format.formatToParts(time)) {
      if (part.type !== 'literal') {
        parts[part.type] = Number(part.value);
      }
    }
    const wallClock = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
    const wholeSeconds = Math.floor(time / 1000) * 1000;
    return Math.round((wallClock - wholeSeconds) / 60_000);
  };
  const atQuarterHour = (time: number): number => {
    const bucket = Math.floor(time / quarterHour);
    let offset = byQuarterHour.get(bucket);
    if (offset === undefined) {
      if (byQuarterHour.size >= 100_000) {
        byQuarterHour.clear();
      }
      offset = compute(bucket * quarterHour);
      byQuarterHour.set(bucket, offset);
    }
    return offset;
  };
  return {
    offsetMinutes: (time) => {
      const day = Math.floor(time / dayMs);
      let offset = byDay.get(day);
      if (offset === undefined) {
        if (byDay.size >= 100_000) {
          byDay.clear();
        }
        const start = atQuarterHour(day * dayMs);
        offset = start === atQuarterHour((day + 1) * dayMs) ? start : null;
        byDay.set(day, offset);
      }
      return offset ?? atQuarterHour(time);
    },
  };
}

/**
 * The calendar of the machine the code runs on: its IANA zone through Intl (the extension host
 * in Node and the web worker both have one), else the offsets `Date` reports.
 */
export function systemCalendar(): LocalCalendar {
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  try {
    return calendarForTimeZone(timeZone);
  } catch {
    return calendarFromOffset((time) => -new Date(time).getTimezoneOffset());
  }
}
