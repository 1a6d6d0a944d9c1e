package se.halsolage.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import se.halsolage.chart.ChartExport;
import se.halsolage.chart.ChartKind;
import se.halsolage.chart.ChartService;
import se.halsolage.chart.ChartTheme;
import se.halsolage.chart.RenderedChart;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.UserError;
import se.halsolage.workbook.Workbook;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** halsolage chart --workbook W --indicator ID [--kind trend|gender|gap|overview|ranking|profile|map|grupper] [--compare SET] [--area CODE] [--theme …] --out FILE.png|svg */
@Command(name = "chart", mixinStandardHelpOptions = true,
        description = "Ritar ett diagram (PNG eller SVG) för ett nyckeltal och skriver alt-texten på standard ut.")
public final class ChartCommand implements Callable<Integer> {
    @Option(names = "--workbook", required = true, paramLabel = "ARBETSBOK", description = "Arbetsboken (.halsa).")
    Path workbook;

    @Option(names = "--indicator", required = true, paramLabel = "ID|TEXT", description = "Nyckeltalets id (t.ex. N15643) eller ord ur namnet.")
    String indicator;

    @Option(names = "--kind", defaultValue = "trend", paramLabel = "TYP", description = "trend, gender, gap, overview, ranking, profile, map eller grupper (standard: trend).")
    String kind;

    @Option(names = "--compare", paramLabel = "MÄNGD", description = "Jämförelsemängd för ranking: lan, liknande, alla, ett grupp-id "
            + "eller en sparad mängd (se 'compare-sets'). Standard: alla.")
    String compare;

    @Option(names = "--period", paramLabel = "PERIOD", description = "Period för ranking (standard: den egna kommunens senaste med värde).")
    String period;

    @Option(names = "--area", paramLabel = "KOD|NAMN", description = "Område (standard: den egna kommunen).")
    String area;

    @Option(names = "--theme", defaultValue = "screen", paramLabel = "TEMA", description = "screen, print eller projector (standard: screen).")
    String theme;

    @Option(names = "--width", paramLabel = "PX", description = "Bredd i bildpunkter (standard: 900, projector 1600, print 16 cm i 300 dpi).")
    Integer width;

    @Option(names = "--height", paramLabel = "PX", description = "Höjd i bildpunkter.")
    Integer height;

    @Option(names = "--out", required = true, paramLabel = "FIL", description = "Utfil, .png eller .svg.")
    Path out;

    @Override
    public Integer call() {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean svg = name.endsWith(".svg");
        if (!svg && !name.endsWith(".png")) throw new UserError("Utfilen ska sluta på .png eller .svg: " + out);
        ChartKind k = ChartKind.fromCode(kind);
        ChartTheme t = ChartTheme.fromCode(theme);
        try (Workbook wb = WorkbookArgs.openForReading(workbook)) {
            Indicator ind = WorkbookArgs.indicator(wb, indicator);
            String areaId = area == null ? null : WorkbookArgs.area(wb, area).id();
            ChartService charts = new ChartService(wb).compareWith(compare);
            if (areaId == null && k != ChartKind.RANKING && !charts.applies(k, ind.id())) {
                throw new UserError("Diagramtypen " + k.code() + " går inte att rita för " + ind.id() + ". Möjliga: "
                        + charts.kinds(ind.id()).stream().map(ChartKind::code).collect(Collectors.joining(", ")) + ".");
            }
            RenderedChart rc = k == ChartKind.RANKING ? charts.ranking(ind.id(), period, t) : charts.create(k, ind.id(), areaId, t);
            if (k == ChartKind.RANKING) {
                var r = charts.rankingOf(ind.id(), period);
                if (r.sentence() != null) System.out.println(r.sentence());
            }
            int dpi = t == ChartTheme.PRINT ? ChartExport.PRINT_DPI : ChartExport.SCREEN_DPI;
            int w = width != null ? width : t == ChartTheme.PRINT ? 1890 : t.defaultWidth();
            int h;
            if (height != null) h = height;
            else {
                int suggested = charts.suggestedHeight(k, ind.id(), t == ChartTheme.PRINT ? ChartTheme.SCREEN : t);
                h = t == ChartTheme.PRINT ? (int) Math.round(suggested * w / (double) ChartTheme.SCREEN.defaultWidth()) : suggested;
            }
            if (svg) {
                double scale = dpi / (double) ChartExport.SCREEN_DPI;
                ChartExport.svg(rc, out, (int) Math.round(w / scale), (int) Math.round(h / scale));
            } else {
                ChartExport.png(rc.chart(), out, w, h, dpi);
            }
            System.out.println(out);
            System.out.println("Alt-text: " + rc.altText());
        }
        return Cli.OK;
    }
}
