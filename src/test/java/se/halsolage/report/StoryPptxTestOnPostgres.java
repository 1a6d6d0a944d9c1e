package se.halsolage.report;

/** {@link StoryPptxTest} on a county workbook on PostgreSQL (issue 22); skipped with one line without a server. */
class StoryPptxTestOnPostgres extends StoryPptxTest {
}
