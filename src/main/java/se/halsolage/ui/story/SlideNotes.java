package se.halsolage.ui.story;

import se.halsolage.analysis.AnalysisService;
import se.halsolage.analysis.IndicatorAnalysis;
import se.halsolage.workbook.Workbook;

import java.util.ArrayList;
import java.util.List;

/**
 * Suggested speaker notes for a chart slide, about what that chart shows: the trend slide gets the
 * latest value, its change and the target; the gender slide the gap between the source's own groups
 * (flickor/pojkar or kvinnor/män); the comparison slide the comparison with länet and riket.
 */
public final class SlideNotes {
    private SlideNotes() {
    }

    public static String suggest(Workbook wb, String indicatorId) {
        return suggest(wb, indicatorId, "TREND");
    }

    public static String suggest(Workbook wb, String indicatorId, String chartKind) {
        if (wb == null || indicatorId == null) return "";
        IndicatorAnalysis a = new AnalysisService(wb).analyze(indicatorId);
        List<String> all = a.sentences();
        String kind = chartKind == null ? "TREND" : chartKind.toUpperCase(java.util.Locale.ROOT);
        String gender = a.genderSentence();
        List<String> out = new ArrayList<>();
        switch (kind) {
            case "GENDER" -> {
                if (gender != null) out.add(gender);
                else out.add("Värdena är inte uppdelade på kön för den här kommunen.");
            }
            case "RANKING", "MAP" -> {
                try {
                    var r = new se.halsolage.chart.ChartService(wb).rankingOf(indicatorId, null);
                    if (r.sentence() != null) out.add(r.sentence());
                } catch (se.halsolage.domain.UserError e) {
                    if (!all.isEmpty()) out.add(all.get(0));
                }
            }
            case "GAP", "OVERVIEW", "PROFILE" -> {
                for (String s : all) if (s.contains(" ligger ") && (gender == null || !s.equals(gender))) out.add(s);
                if (out.isEmpty() && !all.isEmpty()) out.add(all.get(0));
            }
            default -> {
                if (!all.isEmpty()) out.add(all.get(0));
                for (String s : all) if (s.startsWith("Enligt målet")) out.add(s);
            }
        }
        return String.join(" ", out);
    }
}
