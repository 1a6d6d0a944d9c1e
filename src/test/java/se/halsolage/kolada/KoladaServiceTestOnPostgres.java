package se.halsolage.kolada;

/** {@link KoladaServiceTest} on a county workbook on PostgreSQL (issue 22); skipped with one line without a server. */
class KoladaServiceTestOnPostgres extends KoladaServiceTest {
}
