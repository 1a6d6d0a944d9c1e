package se.halsolage.importer;

import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import java.io.FileOutputStream;
import java.io.OutputStream;
/** Writes resources/import/ungdomsenkat-mall.xlsx: run with the test classpath and the target path as argument. */
public final class YouthTemplateGenerator {
    private YouthTemplateGenerator() {
    }

    public static void main(String[] a) throws Exception {
        try (XSSFWorkbook x = new XSSFWorkbook()) {
            XSSFCellStyle bold = x.createCellStyle();
            XSSFFont f = x.createFont(); f.setBold(true); bold.setFont(f);
            var ins = x.createSheet("Instruktioner");
            String[] lines = {
                "Mall för regional ungdomsenkät (Hälsoläge)",
                "",
                "Fyll i bladet Data med en rad per fråga × svarsalternativ × årskurs × kön × år.",
                "År: undersökningsåret, t.ex. 2024.",
                "Kommun: kommunens namn eller kod (t.ex. Växjö eller 0780). Riket och regioner går också (Riket, Region Kronoberg).",
                "Årskurs: t.ex. åk 9 eller gy 2.",
                "Kön: Flickor, Pojkar eller Totalt.",
                "Fråga och Svarsalternativ: texten som i enkäten. Samma text varje år ger samma nyckeltal.",
                "Andel (%): andelen i procent (0–100). Maskade värden skrivs som * eller .. och sparas som sekretess, aldrig som 0.",
                "Antal svarande: antalet som besvarade frågan (basen).",
                "",
                "Importera med: halsolage import FIL --workbook ARBETSBOK (receptet ungdomsenkat väljs automatiskt)."};
            for (int i = 0; i < lines.length; i++) ins.createRow(i).createCell(0).setCellValue(lines[i]);
            ins.getRow(0).getCell(0).setCellStyle(bold);
            ins.setColumnWidth(0, 120 * 256);
            var d = x.createSheet("Data");
            String[] head = {"År", "Kommun", "Årskurs", "Kön", "Fråga", "Svarsalternativ", "Andel (%)", "Antal svarande"};
            var h = d.createRow(0);
            for (int i = 0; i < head.length; i++) { var c = h.createCell(i); c.setCellValue(head[i]); c.setCellStyle(bold); d.setColumnWidth(i, (i == 4 ? 50 : 16) * 256); }
            d.createFreezePane(0, 1);
            try (OutputStream out = new FileOutputStream(a[0])) { x.write(out); }
        }
    }
}
