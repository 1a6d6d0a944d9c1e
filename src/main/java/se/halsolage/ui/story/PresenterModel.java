package se.halsolage.ui.story;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import se.halsolage.domain.Slide;

import java.util.List;

/** Where a presentation is: the current slide, black screen; what the presenter view shows next. */
public final class PresenterModel {
    private final List<Slide> slides;
    private final IntegerProperty index = new SimpleIntegerProperty(0);
    private final BooleanProperty black = new SimpleBooleanProperty(false);

    public PresenterModel(List<Slide> slides) {
        if (slides.isEmpty()) throw new IllegalArgumentException("Berättelsen har inga bilder att visa.");
        this.slides = List.copyOf(slides);
    }

    public IntegerProperty indexProperty() { return index; }
    public BooleanProperty blackProperty() { return black; }
    public int size() { return slides.size(); }

    public Slide current() {
        return slides.get(index.get());
    }

    /** The slide after the current one, or null at the end. */
    public Slide next() {
        return index.get() + 1 < slides.size() ? slides.get(index.get() + 1) : null;
    }

    public boolean forward() {
        black.set(false);
        if (index.get() + 1 >= slides.size()) return false;
        index.set(index.get() + 1);
        return true;
    }

    public boolean back() {
        black.set(false);
        if (index.get() == 0) return false;
        index.set(index.get() - 1);
        return true;
    }

    public void toggleBlack() {
        black.set(!black.get());
    }

    private final BooleanProperty presenterInFront = new SimpleBooleanProperty(false);
    private long timerStart = System.nanoTime();

    /** True while the presenter view is in front (on a single screen it takes the slides' place). */
    public BooleanProperty presenterInFrontProperty() { return presenterInFront; }

    /** Starts the timer again from 00:00. */
    public void resetTimer() {
        timerStart = System.nanoTime();
    }

    /** Seconds since the presentation (or the last reset) started. */
    public long elapsedSeconds() {
        return (System.nanoTime() - timerStart) / 1_000_000_000L;
    }

    /** "04:05" for 245 s, "1:02:03" past an hour. */
    public static String clock(long seconds) {
        long h = seconds / 3600, m = seconds % 3600 / 60, s = seconds % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%02d:%02d", m, s);
    }

    /** "Bild 2 av 5". */
    public String position() {
        return "Bild " + (index.get() + 1) + " av " + slides.size();
    }
}
