package se.halsolage.catalog;

import se.halsolage.domain.Direction;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.IndicatorCuration;
import se.halsolage.domain.Malomrade;
import se.halsolage.domain.SfhArea;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Suggestions for an indicator the user has not described yet: direction (higher or lower is better), SfH area
 * and målområden, read from a question or KPI title, or taken from the SfH catalogue when the indicator is (or
 * answers the same question as) one of its Kolada KPIs. They are stored as suggestions and used only once the user
 * confirms them, so a wrong guess never turns a result green or puts an indicator in the plan on its own.
 */
public final class IndicatorSuggestions {
    /** Words of something one wants less of: a share answering yes to these is better when lower. */
    private static final List<String> WORSE = List.of("rädd", "orättvis", "stökig", "kränk", "mobb", "för svårt",
            "för lätt", "ohälsa", "ohälsotal", "sjukfrånvaro", "sjukpenning", "röker", "rökning", "tobak", "snus",
            "alkohol", "narkotika", "cannabis", "fetma", "övervikt", "våld", "hot", "ensam", "stress", "oro",
            "psykisk påfrestning", "fallskad", "skad", "karies", "ekonomiskt bistånd", "låg ekonomisk standard",
            "varken arbetar eller studerar", "återinskrivning", "saknar tillit", "arbetslös", "trångbodd",
            "stillasittande", "spel om pengar", "självmord", "dödlighet", "döda");
    /** Words of something one wants more of. */
    private static final List<String> BETTER = List.of("trygg", "nöjd", "bra", "hjälp", "stöd", "lyssnar", "påverka",
            "inflytande", "bryr sig", "vara dig själv", "arbetsro", "intresserad", "tro på dig", "förklarar",
            "får veta", "behandlar alla", "koll på", "behörig", "examen", "etablerad", "klarat", "godkänd",
            "medellivslängd", "fysiskt aktiv", "välbefinnande", "god hälsa", "självskattad hälsa", "tillit",
            "förtroende", "respekt", "kontinuitet", "delaktig", "sysselsatt", "i arbete", "mediannettoinkomst",
            "källkritik", "diskutera", "varierar", "kariesfri");

    private IndicatorSuggestions() {
    }

    /** The direction a question or title suggests; null when it suggests none. */
    public static Direction direction(String text) {
        String t = norm(text);
        for (String w : WORSE) if (t.contains(w)) return Direction.LOWER_IS_BETTER;
        for (String w : BETTER) if (t.contains(w)) return Direction.HIGHER_IS_BETTER;
        return null;
    }

    /** Målområden a school-survey question touches: 2 (utbildning) always, 7 (inflytande) when it is about influence. */
    public static Set<Malomrade> schoolMalomraden(String question) {
        Set<Malomrade> out = EnumSet.of(Malomrade.M2);
        String t = norm(question);
        if (t.contains("påverka") || t.contains("inflytande") || t.contains("lyssnar på förslag") || t.contains("delaktig")) {
            out.add(Malomrade.M7);
        }
        if (t.contains("elevhälsa") || t.contains("skolsköterska")) out.add(Malomrade.M8);
        return out;
    }

    /** SfH area a school-survey question suggests: trygghet and bemötande are health, the rest school quality. */
    public static SfhArea schoolArea(String question) {
        String t = norm(question);
        if (t.contains("trygg") || t.contains("rädd") || t.contains("kränk") || t.contains("bemöt") || t.contains("mår")
                || t.contains("elevhälsa") || t.contains("orättvis")) {
            return SfhArea.GOD_OCH_JAMLIK_HALSA;
        }
        return SfhArea.GOD_KVALITET;
    }

    /**
     * The SfH catalogue's description of a Kolada KPI as a suggestion (direction, area, goal, målområden), with the
     * KPI as its basis; empty when the KPI is not in the catalogue.
     */
    public static Optional<IndicatorCuration.Suggestion> fromCatalogue(String kpiId) {
        if (kpiId == null) return Optional.empty();
        for (Indicator i : catalogue()) {
            if (i.id().equalsIgnoreCase(kpiId)) {
                return Optional.of(new IndicatorCuration.Suggestion(i.direction(), i.sfhArea(), i.sfhGoal(), i.malomraden(),
                        "Kolada-nyckeltalet " + i.id()));
            }
        }
        return Optional.empty();
    }

    /** A suggestion for a Kolada KPI outside the SfH catalogue, from its title; null when the title suggests nothing. */
    public static IndicatorCuration.Suggestion forKoladaTitle(String title) {
        Direction d = direction(title);
        return d == null ? null : new IndicatorCuration.Suggestion(d, null, null, Set.of(), "nyckeltalets namn i Kolada");
    }

    private static volatile List<Indicator> catalogue;

    private static List<Indicator> catalogue() {
        List<Indicator> c = catalogue;
        if (c == null) catalogue = c = List.copyOf(CatalogLoader.indicators());
        return c;
    }

    private static String norm(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
