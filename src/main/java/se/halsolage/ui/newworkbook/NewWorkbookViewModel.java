package se.halsolage.ui.newworkbook;

import se.halsolage.ui.common.YearField;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import se.halsolage.domain.Area;
import se.halsolage.domain.AreaKind;
import se.halsolage.domain.PlanSettings;

import java.text.Normalizer;
import java.time.Year;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A new workbook starts with the question it cannot work without: which municipality it is about
 * (type-to-search over the 290), and the plan year. Only then is the file chosen and created, with
 * these settings, so no view ever sees a workbook without its own municipality.
 */
public final class NewWorkbookViewModel {
    private static final Locale SV = Locale.forLanguageTag("sv-SE");
    private final ObservableList<Area> municipalities = FXCollections.observableArrayList();
    private final FilteredList<Area> matches = new FilteredList<>(municipalities, a -> true);
    public final StringProperty search = new SimpleStringProperty("");
    public final ObjectProperty<Area> municipality = new SimpleObjectProperty<>();
    public final StringProperty planYear = new SimpleStringProperty(Integer.toString(Year.now().getValue()));
    private final String language;

    /** @param areas all areas (the bundled list: Riket, 21 regions, 290 municipalities) */
    public NewWorkbookViewModel(List<Area> areas, String language) {
        this.language = language == null ? "sv" : language;
        municipalities.setAll(areas.stream().filter(a -> a.kind() == AreaKind.MUNICIPALITY)
                .sorted(Comparator.comparing(a -> a.name().toLowerCase(SV))).toList());
        search.addListener((o, a, b) -> {
            String q = fold(b);
            matches.setPredicate(x -> q.isEmpty() || fold(x.name()).contains(q) || x.id().startsWith(q.trim()));
            // whatever is typed: names that start with it come first in the user's eye, and one match is chosen
            if (matches.size() == 1) municipality.set(matches.get(0));
            else if (municipality.get() != null && !matches.contains(municipality.get())) municipality.set(null);
        });
    }

    /** Lower case without diacritics, so "malmo" finds Malmö and "haparanda" finds Haparanda. */
    static String fold(String s) {
        if (s == null) return "";
        String n = Normalizer.normalize(s.toLowerCase(SV), Normalizer.Form.NFD);
        return n.replaceAll("\\p{M}", "").strip();
    }

    public ObservableList<Area> municipalities() { return municipalities; }
    public FilteredList<Area> matches() { return matches; }

    /** The problem with what is chosen, in Swedish, or null when the workbook can be created. */
    public String problem() {
        if (municipality.get() == null) return "Välj den egna kommunen: skriv några bokstäver av namnet och välj i listan.";
        if (YearField.parse(planYear.get()) == null) return "Planåret ska vara ett år, till exempel 2026.";
        return null;
    }

    /** The settings the new workbook gets: the municipality, its county (region), the plan year. */
    public PlanSettings toSettings() {
        Area m = municipality.get();
        String county = m.parentId() != null ? m.parentId()
                : m.countyCode() == null ? null : Area.regionIdForCounty(m.countyCode());
        return new PlanSettings(m.id(), county, null, Integer.parseInt(planYear.get().strip()), language, false);
    }

    /** A file name to suggest, e.g. "folkhalsa-arboga.halsa". */
    public String suggestedFileName(String extension) {
        Area m = municipality.get();
        String slug = m == null ? "" : "-" + fold(m.name()).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return "folkhalsa" + slug + extension;
    }
}
