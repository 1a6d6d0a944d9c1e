package se.halsolage.chart;

import org.jfree.chart.JFreeChart;
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

    public ChartService(Workbook wb) {
        this.wb = wb;
        this.shared = new ChartSupport.Plain(wb);
        this.plan = shared.plan;
        this.trend = new TrendChart(shared);
        this.gender = new GenderChart(shared);
        this.gap = new GapChart(shared);
        this.overview = new OverviewChart(shared);
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
        };
    }

    /**
     * A height (pixels at 96 dpi, for the theme's default width) that gives every row of a gap or overview chart
     * room to breathe; the theme's default height for trend and gender charts.
     */
    public int suggestedHeight(ChartKind kind, String indicatorId, ChartTheme theme) {
        ChartTheme t = theme == null ? ChartTheme.SCREEN : theme;
        Indicator ind = wb.indicators().get(indicatorId).orElse(null);
        if (ind == null || ind.sfhArea() == null || kind == ChartKind.TREND || kind == ChartKind.GENDER) return t.defaultHeight();
        int rows = kind == ChartKind.GAP ? gap.gapRows(ind, areaOrOwn(ind, null)).rows().size()
                : overview.overviewRows(ind, areaOrOwn(ind, null)).size();
        int perRow = t == ChartTheme.PROJECTOR ? 56 : 32;
        return Math.max(t.defaultHeight(), 230 + rows * perRow);
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
