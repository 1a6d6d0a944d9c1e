package se.halsolage.workbook;

/** {@link StoryRepositoryTest} on a county workbook on PostgreSQL (issue 22); skipped with one line without a server. */
class StoryRepositoryTestOnPostgres extends StoryRepositoryTest {
}
