package se.halsolage.importer;

/** {@link ImportCommandTest} on a county workbook on PostgreSQL (issue 22); skipped with one line without a server. */
class ImportCommandTestOnPostgres extends ImportCommandTest {
}
