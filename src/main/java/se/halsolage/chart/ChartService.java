package se.halsolage.chart;

import org.jfree.chart.JFreeChart;
import se.halsolage.analysis.ComparisonSets;
import se.halsolage.analysis.Profile;
import se.halsolage.analysis.Ranking;
import se.halsolage.domain.Area;
import se.halsolage.domain.Group;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.PlanSettings;
import se.halsolage.domain.UserError;
import se.halsolage.workbook.Workbook;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the charts of one workbook: trend, gender, gap (dumbbell) and SfH area overview. Plain Java2D
 * JFreeChart objects: the desktop wraps them in a ChartViewer, the report and CLI export them.
 */
public final class ChartService {
    private final Workbook wb;
    private final PlanSettings plan;
    private final ChartSupport shared;
    private final TrendChart trend;
    private final GenderChart gender;
    private final GapChart gap;
    private final OverviewChart overview;
    private final RankingChart ranking;
    private final ProfileChart profile;
    private final TileMapChart map;
    private final GroupsChart groups;
    private String compare = ComparisonSets.ALL;

    public ChartService(Workbook wb) {
        this.wb = wb;
        this.shared = new ChartSupport.Plain(wb);
        this.plan = shared.plan;
        this.trend = new TrendChart(shared);
        this.gender = new GenderChart(shared);
        this.gap = new GapChart(shared);
        this.overview = new OverviewChart(shared);
        this.ranking = new RankingChart(shared);
        this.profile = new ProfileChart(shared);
        this.map = new TileMapChart(shared);
        this.groups = new GroupsChart(shared);
    }

    /**
     * The comparison set the ranking chart uses ({@code --compare}: lan, liknande, alla, a group id or a saved
     * name; null: all municipalities). Checked at once, so a wrong name is an error before anything is drawn.
     */
    public ChartService compareWith(String spec) {
        this.compare = spec == null || spec.isBlank() ? ComparisonSets.ALL : spec;
        new ComparisonSets(wb).resolve(this.compare);
        return this;
    }

    /** The ranking of the own municipality in the current comparison set for the latest (or the given) period. */
    public Ranking rankingOf(String indicatorId, String period) {
        Indicator ind = wb.indicators().get(indicatorId)
                .orElseThrow(() -> new UserError("Nyckeltalet " + indicatorId + " finns inte i arbetsboken."));
        return Ranking.of(wb, ind, new ComparisonSets(wb).resolve(compare), period);
    }

    /** The ranking chart for a period (null: the own municipality's latest with a value). */
    public RenderedChart ranking(String indicatorId, String period, ChartTheme theme) {
        return ranking.ranking(rankingOf(indicatorId, period), theme == null ? ChartTheme.SCREEN : theme);
    }

    /** The ranking chart's suggested height (96-dpi pixels at the theme's default width) for a set of this size. */
    public static int rankingHeight(int members, ChartTheme theme) {
        return RankingChart.suggestedHeight(members, theme == null ? ChartTheme.SCREEN : theme);
    }

    /** Shortens with "…", keeping a trailing ", åk 8"-style suffix (the grade or age group matters). */
    static String shorten(String s, int max) {
        return ChartSupport.shorten(s, max);
    }

    /** Whether a chart kind makes sense for the indicator (with the own municipality's data). */
    public boolean applies(ChartKind kind, String indicatorId) {
        Indicator ind = wb.indicators().get(indicatorId).orElse(null);
        if (ind == null) return false;
        String own = plan.municipalityId();
        return switch (kind) {
            case TREND -> !wb.observations().series(ind.id(), areaOrOwn(ind, null), Group.TOTALT).isEmpty();
            case GENDER -> shared.genderSeries(ind, areaOrOwn(ind, null)).size() == 2;
            case GAP -> ind.sfhArea() != null && gap.gapRows(ind, areaOrOwn(ind, null)).rows().size() >= 2;
            case OVERVIEW -> ind.sfhArea() != null && own != null && overview.overviewRows(ind, own).size() >= 2;
            case RANKING -> own != null && rankable(ind);
            case PROFILE -> own != null && ind.sfhArea() != null && !profileOf(ind).rows().isEmpty();
            case MAP -> own != null && plan.countyId() != null && mappable(ind);
            case GROUPS -> groupGaps(ind, null) != null;
        };
    }

    /**
     * A height (pixels at 96 dpi, for the theme's default width) that gives every row of a gap or overview chart
     * room to breathe; the theme's default height for trend and gender charts.
     */
    public int suggestedHeight(ChartKind kind, String indicatorId, ChartTheme theme) {
        ChartTheme t = theme == null ? ChartTheme.SCREEN : theme;
        Indicator ind = wb.indicators().get(indicatorId).orElse(null);
        if (kind == ChartKind.MAP) return (int) Math.round(t.defaultHeight() * 1.25);
        if (ind != null && kind == ChartKind.PROFILE && ind.sfhArea() != null) return ProfileChart.suggestedHeight(profileOf(ind).rows().size(), t);
        if (ind != null && kind == ChartKind.RANKING) {
            try {
                return RankingChart.suggestedHeight(rankingOf(ind.id(), null).count(), t);
            } catch (UserError e) {
                return t.defaultHeight();
            }
        }
        if (ind == null || ind.sfhArea() == null || kind == ChartKind.TREND || kind == ChartKind.GENDER) return t.defaultHeight();
        int rows = kind == ChartKind.GAP ? gap.gapRows(ind, areaOrOwn(ind, null)).rows().size()
                : overview.overviewRows(ind, areaOrOwn(ind, null)).size();
        int perRow = t == ChartTheme.PROJECTOR ? 56 : 32;
        return Math.max(t.defaultHeight(), 230 + rows * perRow);
    }

    /**
     * The gaps between the population groups of the indicator's most telling breakdown for an area (null: the own
     * municipality, or the county for region-only indicators); null when no breakdown has two groups with values.
     */
    public se.halsolage.analysis.GroupGaps groupGaps(Indicator ind, String areaId) {
        String area;
        try {
            area = areaOrOwn(ind, areaId);
        } catch (UserError e) {
            return null;
        }
        se.halsolage.domain.Breakdown b = se.halsolage.analysis.GroupGaps.choose(wb, ind, area);
        return b == null ? null : se.halsolage.analysis.GroupGaps.of(wb, ind, area, b);
    }

    /** The profile of the indicator's SfH area within the current comparison set. */
    public Profile profileOf(Indicator ind) {
        return Profile.of(wb, ind.sfhArea(), new ComparisonSets(wb).resolve(compare));
    }

    /** A map needs values for all municipalities (the classes) and at least one in the county. */
    private boolean mappable(Indicator ind) {
        try {
            ComparisonSets sets = new ComparisonSets(wb);
            Ranking all = Ranking.of(wb, ind, sets.resolve(ComparisonSets.ALL), null);
            java.util.Set<String> county = new java.util.HashSet<>(sets.county(plan.countyId()).members());
            return all.count() >= 4 && all.entries().stream().anyMatch(e -> county.contains(e.areaId()));
        } catch (UserError e) {
            return false;
        }
    }

    /** A ranking needs the own municipality's value and at least two other members with one. */
    private boolean rankable(Indicator ind) {
        try {
            Ranking r = Ranking.of(wb, ind, new ComparisonSets(wb).resolve(compare), null);
            return r.own() != null && r.count() >= 3;
        } catch (UserError e) {
            return false;
        }
    }

    /** The kinds that apply to an indicator, in menu order. */
    public List<ChartKind> kinds(String indicatorId) {
        List<ChartKind> out = new ArrayList<>();
        for (ChartKind k : ChartKind.values()) if (applies(k, indicatorId)) out.add(k);
        return out;
    }

    /**
     * Creates a chart. {@code areaId} null means the own municipality (for region-only indicators such as
     * karies, the county).
     */
    public RenderedChart create(ChartKind kind, String indicatorId, String areaId, ChartTheme theme) {
        Indicator ind = wb.indicators().get(indicatorId)
                .orElseThrow(() -> new UserError("Nyckeltalet " + indicatorId + " finns inte i arbetsboken."));
        ChartTheme t = theme == null ? ChartTheme.SCREEN : theme;
        String area = areaOrOwn(ind, areaId);
        if (wb.areas().get(area).isEmpty() && !area.equals(Area.RIKET_ID)) {
            throw new UserError("Området " + area + " finns inte i arbetsboken.");
        }
        return switch (kind) {
            case TREND -> trend.trend(ind, area, t);
            case GENDER -> gender.gender(ind, area, t);
            case GAP -> gap.gap(ind, area, t);
            case OVERVIEW -> overview.overview(ind, area, t);
            case RANKING -> ranking.ranking(Ranking.of(wb, ind, new ComparisonSets(wb).resolve(compare), null), t);
            case MAP -> {
                if (plan.countyId() == null) throw new UserError("Arbetsboken saknar län i inställningarna, så det blir ingen karta.");
                ComparisonSets sets = new ComparisonSets(wb);
                yield map.map(ind, sets.county(plan.countyId()), Ranking.of(wb, ind, sets.resolve(ComparisonSets.ALL), null), t);
            }
            case GROUPS -> {
                se.halsolage.analysis.GroupGaps g = groupGaps(ind, area);
                if (g == null) {
                    throw new UserError("Nyckeltalet " + ind.id() + " har inga värden för minst två grupper i samma redovisning "
                            + "(kön, ålder, utbildning …) för " + shared.name(area) + ", så det blir inget gruppdiagram.");
                }
                yield groups.groups(g, t);
            }
            case PROFILE -> {
                if (ind.sfhArea() == null) throw new UserError("Nyckeltalet " + ind.id() + " hör inte till något område i Strategi för hälsa.");
                Profile p = profileOf(ind);
                if (p.rows().isEmpty()) {
                    throw new UserError("Inga nyckeltal i området " + ind.sfhArea().title() + " har värden för den egna kommunen, riket "
                            + "och minst tre kommuner samma period, så det blir ingen profil.");
                }
                yield profile.profile(p, t);
            }
        };
    }

    private String areaOrOwn(Indicator ind, String areaId) {
        if (areaId != null && !areaId.isBlank()) return areaId;
        String own = plan.municipalityId();
        if (own == null) throw new UserError("Arbetsboken saknar egen kommun i inställningarna.");
        // region-only indicators (e.g. karies) have no municipal values: fall back to the county
        if (wb.observations().series(ind.id(), own, Group.TOTALT).isEmpty() && plan.countyId() != null
                && !wb.observations().series(ind.id(), plan.countyId(), Group.TOTALT).isEmpty()) {
            return plan.countyId();
        }
        return own;
    }

}
