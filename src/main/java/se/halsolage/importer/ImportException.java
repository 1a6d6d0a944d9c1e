package se.halsolage.importer;

import se.halsolage.domain.UserError;

import java.util.List;

/** A file that cannot be imported. The message names file, sheet, row and column of the first problem. */
public class ImportException extends UserError {
    private final transient List<Problem> problems;

    public ImportException(Problem p) {
        this(List.of(p));
    }

    public ImportException(List<Problem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    public ImportException(Problem p, Throwable cause) {
        super(p.toString(), cause);
        this.problems = List.of(p);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String message(List<Problem> problems) {
        List<Problem> errors = problems.stream().filter(Problem::isError).toList();
        if (errors.isEmpty()) errors = problems;
        StringBuilder sb = new StringBuilder(errors.get(0).toString());
        if (errors.size() > 1) {
            int shown = Math.min(errors.size(), 10);
            for (int i = 1; i < shown; i++) sb.append('\n').append(errors.get(i));
            if (errors.size() > shown) sb.append("\n… och ").append(errors.size() - shown).append(" fel till.");
        }
        return sb.toString();
    }
}
