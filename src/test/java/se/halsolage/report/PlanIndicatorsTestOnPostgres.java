package se.halsolage.report;

/** {@link PlanIndicatorsTest} on a county workbook on PostgreSQL (issue 22); skipped with one line without a server. */
class PlanIndicatorsTestOnPostgres extends PlanIndicatorsTest {
}
