package se.halsolage.ui.common;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** A DialogService for tests: records what would be shown and answers from queues. */
public class RecordingDialogs implements DialogService {
    public final List<String> errors = new ArrayList<>();
    public final List<String> notes = new ArrayList<>();
    public final List<Path> opened = new ArrayList<>();
    public final Deque<Path> files = new ArrayDeque<>();
    public boolean confirmAnswer = true;

    @Override
    public void showError(String title, String message) {
        errors.add(title + ": " + message);
    }

    @Override
    public void showInformation(String title, String message) {
        notes.add(title + ": " + message);
    }

    @Override
    public boolean confirm(String title, String message) {
        return confirmAnswer;
    }

    @Override
    public void notify(String message) {
        notes.add(message);
    }

    @Override
    public Optional<Path> chooseOpenFile(String title, String filterName, String... patterns) {
        return Optional.ofNullable(files.poll());
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String suggestedName, String filterName, String... patterns) {
        return Optional.ofNullable(files.poll());
    }

    @Override
    public void openInSystem(Path file) {
        opened.add(file);
    }
}
