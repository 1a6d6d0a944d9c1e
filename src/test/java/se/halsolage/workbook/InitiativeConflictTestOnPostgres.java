package se.halsolage.workbook;

/** {@link InitiativeConflictTest} on a county workbook on PostgreSQL: two connections edit one initiative. */
class InitiativeConflictTestOnPostgres extends InitiativeConflictTest {
}
