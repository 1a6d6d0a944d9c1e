package se.halsolage.report;

/** {@link ReportServiceTest} on a county workbook on PostgreSQL (issue 22); skipped with one line without a server. */
class ReportServiceTestOnPostgres extends ReportServiceTest {
}
