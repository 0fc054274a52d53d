import { STORABLE_YEARS } from '@arbiter/engine';
import { z } from 'zod';

/** Years both PostgreSQL's timestamptz and a four-digit ISO 8601 year hold (the engine's rule for decision times too). */
export const FIRST_YEAR = STORABLE_YEARS.first;
export const LAST_YEAR = STORABLE_YEARS.last;

/**
 * A DateTime input that can be stored and compared in SQL: a real date (GraphQL's DateTime turns
 * "yesterday" into an Invalid Date) between the years 1 and 9999. JavaScript dates reach years
 * ±275,760, which PostgreSQL refuses (timestamp out of range) long after the edge.
 */
export const storableDate = () =>
  z
    .date()
    .refine(
      (d) => d.getUTCFullYear() >= FIRST_YEAR && d.getUTCFullYear() <= LAST_YEAR,
      `must be between the years ${FIRST_YEAR} and ${LAST_YEAR}`,
    );
