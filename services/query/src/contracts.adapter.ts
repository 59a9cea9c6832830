/**
 * What the query service takes from @servq/contracts, in one place: table names and columns of the lake, the
 * Riga calendar, working days and the complaint deadline rules.
 */
export {
  addDays,
  ANNOTATIONS,
  SURVEY_DRIVERS,
  type SurveyDriver,
  complaintDeadline,
  DEFAULT_WORKING_CALENDAR,
  dueDate,
  isWorkingDay,
  LAKE_PREFIX,
  LakeColumns,
  LakeTables,
  NO_OFFICE_FILTER,
  OFFICE_IDS,
  OFFICE_TIME_ZONE,
  officeById,
  officeHoursOn,
  rigaDate,
  rigaMinuteOfDay,
  RESPONSE_RULES,
  responseRuleOn,
  type ComplaintDeadline,
  type LakeColumn,
  type LakeTableName,
  type Period,
  type ResponseRule,
} from '@servq/contracts';
