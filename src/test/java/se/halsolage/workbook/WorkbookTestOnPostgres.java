package se.halsolage.workbook;

/** {@link WorkbookTest} on a county workbook on PostgreSQL (issue 22); skipped with one line without a server. */
class WorkbookTestOnPostgres extends WorkbookTest {
}
