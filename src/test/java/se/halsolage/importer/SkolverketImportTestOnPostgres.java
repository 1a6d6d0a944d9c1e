package se.halsolage.importer;

/** {@link SkolverketImportTest} on a county workbook on PostgreSQL (issue 22); skipped with one line without a server. */
class SkolverketImportTestOnPostgres extends SkolverketImportTest {
}
