package se.halsolage.analysis;

/** {@link AnalysisServiceTest} on a county workbook on PostgreSQL (issue 22); skipped with one line without a server. */
class AnalysisServiceTestOnPostgres extends AnalysisServiceTest {
}
