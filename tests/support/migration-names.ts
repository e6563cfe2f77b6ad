// The migrations a fresh database runs, in order, written out by hand: a migration renamed,
// lost in a merge or run out of order fails the store tests of both engines.
export const MIGRATION_NAMES = [
  '0001_initial',
  '0002_record_versions',
  '0003_office',
  '0004_sign_in_throttle',
  '0005_accounts_audit',
  '0006_session_cookie',
  '0007_office_setup',
  '0008_province',
  '0009_unit_quarter_facts',
  '0010_commune_work_index',
  '0011_device_contact',
  '0012_unit_start',
  '0013_case_prosecution',
  '0014_report_settings',
  '0016_province_plans',
];
