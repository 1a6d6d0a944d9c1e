package se.halsolage.domain;

import java.util.List;
import java.util.Objects;

/**
 * A workshop story: an ordered list of slides the facilitator presents (charts and short texts).
 *
 * @param id 0 for a story not yet stored
 */
public record Story(long id, String name, List<Slide> slides) {
    public Story {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) throw new IllegalArgumentException("En berättelse måste ha ett namn");
        slides = slides == null ? List.of() : List.copyOf(slides);
    }

    public Story withId(long newId) {
        return new Story(newId, name, slides);
    }

    public Story withSlides(List<Slide> newSlides) {
        return new Story(id, name, newSlides);
    }
}
