package se.halsolage.analysis;

import se.halsolage.domain.Indicator;
import se.halsolage.domain.Observation;
import se.halsolage.domain.Period;
import se.halsolage.domain.TargetStatus;
import se.halsolage.domain.Unit;
import se.halsolage.format.SwedishNumbers;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Swedish sentences for analyses and findings. */
public final class Texts {
    private Texts() {
    }

    /** Cap on a single score component so one huge relative difference does not drown the list. */
    static final double CAP = 10;

    /** "81,0 %", "2310 per 100 000", "82,1 år". */
    public static String value(Observation o, Unit unit) {
        return o != null && o.hasValue() ? value(o.value(), unit) : SwedishNumbers.observation(o, unit);
    }

    public static String value(double v, Unit unit) {
        return SwedishNumbers.value(v, unit) + rateSuffix(unit);
    }

    /** A signed change with its unit: "−5,0 p.e.", "+66 per 100 000". */
    public static String signed(double delta, Unit unit) {
        return SwedishNumbers.change(delta, unit) + rateSuffix(unit);
    }

    /** An unsigned amount with its unit: "5,0 p.e.", "0,4 år", "35 per 100 000". */
    public static String amount(double delta, Unit unit) {
        String s = SwedishNumbers.change(Math.abs(delta), unit);
        return (s.startsWith("+") || s.startsWith("±") ? s.substring(1) : s) + rateSuffix(unit);
    }

    static String rateSuffix(Unit unit) {
        return switch (unit) {
            case PER_100000 -> SwedishNumbers.NBSP + "per" + SwedishNumbers.NBSP + SwedishNumbers.number(100000, 0);
            case PER_1000 -> SwedishNumbers.NBSP + "per" + SwedishNumbers.NBSP + SwedishNumbers.number(1000, 0);
            default -> "";
        };
    }

    /** True when the difference rounds to zero at the unit's display precision. */
    static boolean roundsToZero(double diff, Unit unit) {
        return Math.abs(diff) < 0.5 * Math.pow(10, -SwedishNumbers.decimals(unit));
    }

    /**
     * The unit after the period for values printed without one: ", per 100 000 invånare", ", index 0–10",
     * ", antal" (the plan's overview table and Översikt).
     */
    public static String unitNote(Unit u) {
        if (u == null) return "";
        return switch (u) {
            case PER_100000, PER_1000, INDEX, COUNT -> ", " + u.label();
            default -> "";
        };
    }

    /** "2020" or "2019–2021" as the label says. */
    public static String period(Period p) {
        return p.label();
    }

    static String verb(double delta) {
        return delta > 0 ? "ökat" : "minskat";
    }

    /** The verdict in the words every part of the plan uses: bättre, sämre, oförändrad, osäker, kan inte bedömas. */
    public static String verdictWord(Verdict v) {
        return v == null ? Verdict.EJ_BEDOMBAR.label() : v.label();
    }

    /**
     * The one way to state the change since the previous comparable measurement, used in the overview table, the
     * text under each chart, the alt text, "Vad sticker ut" and Översikt: "−3,0 p.e. sedan 2022 (sämre)".
     */
    public static String changePhrase(Change c, Unit u) {
        if (c == null || !c.hasValues()) return null;
        return signed(c.absolute(), u) + " sedan " + period(c.from().period()) + " (" + verdictWord(c.verdict()) + ")";
    }

    /**
     * The trend over the span, the second and clearly named figure: "Trend från 2020 till 2024: −5,0 p.e. (sämre)".
     * Null when the span starts at the previous comparable measurement (the same figure) or there is no span.
     */
    public static String trendPhrase(Change span, Change latest, Unit u) {
        if (span == null || !span.hasValues()) return null;
        if (latest != null && latest.hasValues() && latest.from().period().equals(span.from().period())) return null;
        return "Trend från " + period(span.from().period()) + " till " + period(span.to().period()) + ": "
                + signed(span.absolute(), u) + " (" + verdictWord(span.verdict()) + ")";
    }

    /** The change phrase of an analysis (null without an earlier measurement). */
    public static String changePhrase(IndicatorAnalysis a) {
        return changePhrase(a.sincePrevious(), a.indicator().unit());
    }

    /** The trend phrase of an analysis (null when it would repeat the change or there is no span). */
    public static String trendPhrase(IndicatorAnalysis a) {
        return trendPhrase(a.overSpan(), a.sincePrevious(), a.indicator().unit());
    }

    /**
     * True for survey indicators (a grade, or "enkät"/"svarat" in the title or description): only for them is a
     * missing number of respondents worth saying. Register data (Kolada, SCB) have no respondents.
     */
    public static boolean isSurvey(Indicator ind) {
        // Not by grade alone: "Elever i åk 9 som är behöriga till yrkesprogram" (N15428) has a grade and is register data.
        String t = (ind.title() + " " + (ind.description() == null ? "" : ind.description())).toLowerCase(java.util.Locale.ROOT);
        return t.contains("enkät") || SURVEY_WORDS.matcher(t).find() || t.contains("självskattad");
    }

    /** "svarat", "svar", "svarande", "positiva svar" as words (not "ansvar"). */
    private static final java.util.regex.Pattern SURVEY_WORDS = java.util.regex.Pattern.compile("(?u)(?<![\\p{L}])svar(at|ande|en|et)?(?![\\p{L}])");

    /**
     * The periods after the latest value that have no value, with the legend's marker and words:
     * "2024 .. (sekretess eller för få svar)"; null when there are none.
     */
    public static String laterWithoutValue(List<Observation> series, Observation latest) {
        List<String> parts = new ArrayList<>();
        if (series != null) {
            for (Observation o : series) {
                if (o.hasValue() || (latest != null && o.period().compareTo(latest.period()) <= 0)) continue;
                if (o.status() == se.halsolage.domain.ObservationStatus.NOT_APPLICABLE) continue;
                parts.add(period(o.period()) + " " + o.status().defaultMarker() + " (" + o.status().meaning() + ")");
            }
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private static final java.util.regex.Pattern CHILDREN = java.util.regex.Pattern.compile(
            "(?iu)\\b(åk|årskurs|elev|elever|barn|spädbarn|skolbarn|gy ?[123]|gymnasie\\w*|förskol\\w*)\\b|\\d+[–-]?åringar|0[–-]\\d+ år");

    /** True for indicators about children and pupils (a grade, "åk", "barn", "3-åringar" …): girls and boys, not women and men. */
    public static boolean isChildren(Indicator ind) {
        if (ind.grade() != null && !ind.grade().isBlank()) return true;
        return CHILDREN.matcher(ind.title() + " " + (ind.shortTitle() == null ? "" : ind.shortTitle())).find();
    }

    /** Up to four sentences on what stands out for one indicator. */
    static List<String> sentences(Indicator ind, String areaName, List<Observation> series, Observation latest,
                                  Change sincePrevious, Change overSpan,
                                  Comparison county, Comparison riket, Comparison group, GenderGap gap,
                                  List<TargetEvaluation> targets) {
        List<String> out = new ArrayList<>();
        Unit u = ind.unit();
        String later = laterWithoutValue(series, latest);
        if (latest == null) {
            out.add(later != null ? "Värdet för " + areaName + " visas inte: " + later + "."
                    : "Det finns inga värden för " + areaName + " ännu.");
            return out;
        }
        String first = "Senaste värdet för " + areaName + " är " + value(latest, u) + " (" + period(latest.period()) + ")";
        String change = changePhrase(sincePrevious, u);
        if (change == null) {
            out.add(first + "; det finns ingen tidigare jämförbar mätning.");
        } else {
            String s = first + ": " + change + ".";
            if (sincePrevious.verdict() == Verdict.OSAKER) s += " Förändringen ryms inom den statistiska osäkerheten.";
            else if (!sincePrevious.uncertaintyKnown() && u == Unit.PERCENT && sincePrevious.verdict().isClear()
                    && isSurvey(ind)) {
                s += " Antalet svarande saknas, så det går inte att säga om förändringen är större än slumpen.";
            }
            out.add(s);
        }
        if (later != null) out.add("Senare mätning: " + later + ".");
        String trend = trendPhrase(overSpan, sincePrevious, u);
        if (trend != null) out.add(trend + ".");

        Comparison ref = riket != null && riket.difference() != null ? riket : county != null && county.difference() != null ? county : null;
        // The similar municipalities come where the other comparisons are; alone when the source has no county or riket.
        Comparison grp = group != null && group.difference() != null ? group : null;
        if (ref == null && grp != null) {
            ref = grp;
            grp = null;
        }
        if (ref != null) {
            StringBuilder s = new StringBuilder(areaName + " ligger " + position(ref.difference(), u, "i nivå med ")
                    + refName(ref) + " (" + value(ref.other(), u) + ")");
            Comparison second = ref == riket && county != null && county.difference() != null ? county : null;
            if (second != null) s.append(grp == null ? " och " : ", ").append(position(second.difference(), u, "i nivå med ")).append(refName(second));
            if (grp != null) {
                s.append(" och ").append(position(grp.difference(), u, "i nivå med ")).append(refName(grp))
                        .append(" (").append(value(grp.other(), u)).append(')');
            }
            s.append(verdictTail(ref.verdict(), true)).append('.');
            out.add(s.toString());
        }
        TargetEvaluation te = targets.isEmpty() ? null : targets.get(0);
        if (te != null && te.status() != TargetStatus.OKAND) {
            out.add("Enligt målet borde värdet ha varit " + value(te.expected(), u) + " år "
                    + te.actual().period().endYear() + "; utfallet " + value(te.actual(), u) + " ger status "
                    + te.status().label() + ".");
        } else if (gap != null && gap.gap() != null && gap.significance() != Verdict.OFORANDRAD) {
            out.add(gapSentence(gap, u));
        }
        return out.size() > 4 ? out.subList(0, 4) : out;
    }

    static String refName(Comparison c) {
        if ("0000".equals(c.areaId())) return "riket";
        if (c.areaName() != null && c.areaName().startsWith("Region")) return "länet";
        if (c.areaName() != null && c.areaName().startsWith("Liknande kommuner")) return "liknande kommuner";
        return c.areaName() == null ? c.areaId() : c.areaName();
    }

    static String position(double diff, Unit u, String level) {
        if (roundsToZero(diff, u)) return level;
        return amount(diff, u) + (diff > 0 ? " över " : " under ");
    }

    static String verdictTail(Verdict v, boolean comparison) {
        return switch (v) {
            case BATTRE -> ", vilket är bättre";
            case SAMRE -> ", vilket är sämre";
            case OSAKER -> ", men skillnaden är inom den statistiska osäkerheten";
            case OFORANDRAD -> comparison ? ", alltså ungefär lika" : "";
            case EJ_BEDOMBAR -> "";
        };
    }

    /** "Flickor ligger 8,0 p.e. under pojkar (76,0 % mot 84,0 %)." */
    static String gapSentence(GenderGap g, Unit u) {
        String f = g.femaleLabel(), m = g.maleLabel().toLowerCase(java.util.Locale.ROOT);
        String s = f + " ligger " + position(g.gap(), u, "i nivå med ") + m + " (" + value(g.female(), u) + " mot "
                + value(g.male(), u) + ", " + period(g.female().period()) + ")";
        if (g.significance() == Verdict.OSAKER) s += ", men skillnaden är inom den statistiska osäkerheten";
        Boolean widened = g.widened();
        if (widened != null && g.previousGap() != null && Math.abs(Math.abs(g.gap()) - Math.abs(g.previousGap())) >= AnalysisService.threshold(u, g.male().value())) {
            s += widened ? "; skillnaden har ökat" : "; skillnaden har minskat";
        }
        return s + ".";
    }

    /** Candidate findings for one indicator (all clear ones; the caller keeps the best two). */
    static List<Finding> candidates(IndicatorAnalysis a, Change referenceChange, Function<String, String> names, String ownName) {
        List<Finding> out = new ArrayList<>();
        Indicator ind = a.indicator();
        Unit u = ind.unit();
        String title = ind.displayTitle();
        Change c = a.sincePrevious();
        if (c != null && c.hasValues() && c.verdict().isClear()) {
            double thr = AnalysisService.threshold(u, c.from().value());
            StringBuilder s = new StringBuilder(title + ": " + changePhrase(c, u) + ", från " + value(c.from(), u)
                    + " till " + value(c.to(), u));
            double score = Math.min(CAP, Math.abs(c.absolute()) / thr);
            if (referenceChange != null && referenceChange.hasValues()) {
                String ref = "0000".equals(referenceChange.to().areaId()) ? "riket" : "länet";
                double r = referenceChange.absolute();
                double rthr = AnalysisService.threshold(u, referenceChange.from().value());
                if (Math.abs(r) < rthr) {
                    s.append(", medan ").append(ref).append(" är i stort sett oförändrat");
                    score += 1;
                } else if (Math.signum(r) != Math.signum(c.absolute())) {
                    s.append(", medan ").append(ref).append(" har ").append(verb(r));
                    score += 1.5;
                } else if (Math.abs(c.absolute()) - Math.abs(r) >= thr) {
                    s.append(", mer än i ").append(ref).append(" (").append(signed(r, u)).append(')');
                    score += 0.5;
                } else if (Math.abs(r) - Math.abs(c.absolute()) >= thr) {
                    s.append(", mindre än i ").append(ref).append(" (").append(signed(r, u)).append(')');
                    score -= 0.5;
                } else {
                    s.append(", ungefär som i ").append(ref);
                    score -= 0.5;
                }
            }
            s.append('.');
            out.add(new Finding(ind.id(), s.toString(), score, c.verdict()));
        }
        Comparison ref = a.vsRiket() != null && a.vsRiket().difference() != null ? a.vsRiket()
                : a.vsCounty() != null && a.vsCounty().difference() != null ? a.vsCounty()
                : a.vsGroup() != null && a.vsGroup().difference() != null ? a.vsGroup() : null;
        if (ref != null && ref.verdict().isClear()) {
            double thr = AnalysisService.threshold(u, ref.other().value());
            String s = title + ": " + ownName + " ligger " + position(ref.difference(), u, "i nivå med ") + refName(ref)
                    + " (" + value(ref.own(), u) + " mot " + value(ref.other(), u) + ", " + period(ref.own().period()) + ").";
            out.add(new Finding(ind.id(), s, 0.8 * Math.min(CAP, Math.abs(ref.difference()) / thr), ref.verdict()));
        }
        GenderGap g = a.genderGap();
        if (g != null && g.gap() != null && g.significance().isClear()) {
            double thr = AnalysisService.threshold(u, g.male().value());
            out.add(new Finding(ind.id(), title + ": " + gapSentence(g, u), 0.5 * Math.min(CAP, Math.abs(g.gap()) / thr), g.significance()));
        }
        for (TargetEvaluation te : a.targets()) {
            if (te.status() != TargetStatus.AVVIKELSE && te.status() != TargetStatus.BEVAKA) continue;
            double thr = AnalysisService.threshold(u, te.baseline());
            double shortfall = Math.abs(te.expected() - te.actual().value());
            String s = title + ": målet innebär " + value(te.expected(), u) + " år "
                    + te.actual().period().endYear() + " men utfallet är " + value(te.actual(), u) + " (status "
                    + te.status().label() + ").";
            double score = te.status() == TargetStatus.AVVIKELSE ? 3 + Math.min(CAP, shortfall / thr) : 1 + Math.min(CAP, shortfall / thr) / 2;
            out.add(new Finding(ind.id(), s, score, Verdict.SAMRE));
        }
        // the trend test over the last five shares with n, only when it finds a clear trend (issue 21)
        TrendTest tt = TrendTest.of(a.series().stream().filter(o -> o.group().isTotal()).toList(), u);
        if (tt != null && tt.result() != TrendTest.Result.INGEN && ind.direction().sign() != 0) {
            boolean up = tt.result() == TrendTest.Result.OKAR;
            Verdict v = up == (ind.direction().sign() > 0) ? Verdict.BATTRE : Verdict.SAMRE;
            out.add(new Finding(ind.id(), title + ": " + tt.phrase() + ".", 1.2, v));
        }
        return out;
    }
}
