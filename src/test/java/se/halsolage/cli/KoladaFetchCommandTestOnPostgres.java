package se.halsolage.cli;

/** {@link KoladaFetchCommandTest} on a county workbook on PostgreSQL (issue 22); skipped with one line without a server. */
class KoladaFetchCommandTestOnPostgres extends KoladaFetchCommandTest {
}
