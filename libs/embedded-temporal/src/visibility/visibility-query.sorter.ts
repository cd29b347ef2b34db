import type { VisibilityOrder, VisibilityQuery } from './visibility-query.types';
import type { VisibilityRecord } from './visibility-record.types';
import { compareText } from './visibility-query.values';

/** The order of a query without `ORDER BY`: newest first, as Temporal lists executions. */
export const DEFAULT_VISIBILITY_ORDER: readonly VisibilityOrder[] = [{ field: 'StartTime', direction: 'DESC' }];

/**
 * The order keys a query sorts by: its `ORDER BY`, or {@link DEFAULT_VISIBILITY_ORDER}. Ties always break on `RunId`
 * ascending (by code point) so pages are stable.
 */
export function effectiveVisibilityOrder(query: VisibilityQuery): readonly VisibilityOrder[] {
  return query.orderBy.length > 0 ? query.orderBy : DEFAULT_VISIBILITY_ORDER;
}

/**
 * Sorts records the way the query asks, in the same order the SQL from {@link visibilityQueryToSql} returns:
 * `ORDER BY` keys (default `StartTime DESC`), runs without a close time last in either direction, then `RunId`.
 * Does not filter; returns a new array.
 *
 * @example
 * sortVisibilityRecords(query, records.filter((r) => matchesVisibilityQuery(query, r)))
 */
export function sortVisibilityRecords(
  query: VisibilityQuery,
  records: readonly VisibilityRecord[],
): VisibilityRecord[] {
  const orders = effectiveVisibilityOrder(query);
  return [...records].sort((a, b) => {
    for (const order of orders) {
      const byKey = compareTimes(timeOf(a, order), timeOf(b, order), order.direction);
      if (byKey !== 0) return byKey;
    }
    return compareText(a.runId, b.runId);
  });
}

function timeOf(record: VisibilityRecord, order: VisibilityOrder): number | undefined {
  return order.field === 'StartTime' ? record.startTime.getTime() : record.closeTime?.getTime();
}

function compareTimes(a: number | undefined, b: number | undefined, direction: VisibilityOrder['direction']): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  const ascending = Math.sign(a - b);
  return direction === 'ASC' ? ascending : -ascending;
}
