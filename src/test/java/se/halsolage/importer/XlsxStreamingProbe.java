package se.halsolage.importer;

import java.nio.file.Path;

/**
 * Run in a forked JVM with a small heap by {@link XlsxStreamingTest}: reads every row of an xlsx
 * through the importer's reader (or, with "usermodel", through POI's XSSFWorkbook) and prints the count.
 */
public final class XlsxStreamingProbe {
    private XlsxStreamingProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long[] rows = {0}, cells = {0};
        if (args.length > 1 && args[1].equals("usermodel")) {
            try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(file.toFile())) {
                for (var r : wb.getSheetAt(0)) { rows[0]++; cells[0] += r.getPhysicalNumberOfCells(); }
            }
        } else {
            GridSource g = Readers.open(file, null);
            g.read(g.sheets().get(0), r -> {
                rows[0]++;
                cells[0] += r.nonBlankCount();
                return true;
            });
        }
        System.out.println("rows=" + rows[0] + " cells=" + cells[0]);
    }
}
