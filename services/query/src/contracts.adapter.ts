/**
 * What the query service takes from @servq/contracts, in one place. The deadline rules and the working-day
 * calendar are still landing in the contracts package (its index only exports constants so far), so they are
 * imported from its source file here; switching to the package export is one edit in this file.
 */
export { LAKE_PREFIX, LakeTables, OFFICE_TIME_ZONE, type LakeTableName } from '@servq/contracts';
export { dueDate, complaintDeadline, type ComplaintDeadline } from '../../../packages/contracts/src/deadlines.ts';
export { DEFAULT_WORKING_CALENDAR, isWorkingDay } from '../../../packages/contracts/src/working-days.ts';
export { addDays } from '../../../packages/contracts/src/dates.ts';
export {
  RESPONSE_RULES,
  responseRuleOn,
  type Period,
} from '../../../packages/contracts/src/reference/response-rules.ts';
