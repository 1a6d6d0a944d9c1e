package se.halsolage.importer;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the variant files of {@link FormatVariantsTest} to a folder, to try them with the real CLI
 * ({@code app/halsolage import FIL --workbook W}). Not a test: run with
 * {@code java -cp target/classes:target/test-classes:<deps> se.halsolage.importer.FormatVariantFiles DIR}.
 */
public final class FormatVariantFiles {
    private FormatVariantFiles() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/format-variants");
        Files.createDirectories(dir);
        List<String> lines = FormatVariantsTest.realSkolverketLines();
        StringBuilder sb = new StringBuilder();
        for (String l : lines) sb.append(l.endsWith(";") ? l.substring(0, l.length() - 1) : l).append("\r\n");
        Files.write(dir.resolve("skolverket-cp1252-utan-bom.csv"), sb.toString().getBytes(FormatVariantsTest.CP1252));
        Files.write(dir.resolve("skolverket-personal-2022.csv"), FormatVariantsTest.PERSONAL_CSV.getBytes(FormatVariantsTest.CP1252));
        Files.writeString(dir.resolve("skolverket-gy-program.csv"), FormatVariantsTest.GY_PROGRAM_CSV);
        Files.write(dir.resolve("folkhalsodata-halsotillstand.csv"), FormatVariantsTest.FOLKHALSO_CSV.getBytes(FormatVariantsTest.CP1252));
        Files.writeString(dir.resolve("pxweb-kon-och-ar.csv"), FormatVariantsTest.GENDER_YEAR_CSV);
        Files.write(dir.resolve("HLV01-latin1.px"), FormatVariantsTest.PX_SV.getBytes(StandardCharsets.ISO_8859_1));
        try (XSSFWorkbook x = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(dir.resolve("skolenkaten-ak5-2024.xlsx"))) {
            x.createSheet("Info").createRow(0).createCell(0).setCellValue("Intern");
            FormatVariantsTest.responseSheet(x, "RESULTAT  elever åk 5 ", "Skolenkäten 2024 - Elever årskurs 5 ", " ", true,
                    FormatVariantsTest.SKOLENKAT_ROWS);
            x.setSheetHidden(0, true);
            x.setActiveSheet(1);
            x.write(out);
        }
        try (HSSFWorkbook x = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(dir.resolve("skolenkaten-gy2-2023.xls"))) {
            FormatVariantsTest.responseSheet(x, "Resultat elever gy 2", "Skolenkäten 2023 - Elever i gymnasieskolan år 2", "", false,
                    FormatVariantsTest.SKOLENKAT_ROWS);
            x.write(out);
        }
        FormatVariantsTest.wideYouthSurvey(dir.resolve("bu-enkat-vaxjo-2023.xlsx"));
        try (XSSFWorkbook x = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(dir.resolve("vanor.xlsx"))) {
            FormatVariantsTest.habitsTable(x);
            x.write(out);
        }
        try (HSSFWorkbook x = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(dir.resolve("vanor.xls"))) {
            FormatVariantsTest.habitsTable(x);
            x.write(out);
        }
        // must be refused: a wide survey naming no municipality anywhere
        Path tmp = dir.resolve("tmp-enkat.xlsx");
        FormatVariantsTest.wideYouthSurvey(tmp);
        try (XSSFWorkbook x = new XSSFWorkbook(Files.newInputStream(tmp));
             OutputStream out = Files.newOutputStream(dir.resolve("enkat-utan-kommun.xlsx"))) {
            x.getSheetAt(0).getRow(0).getCell(0).setCellValue("Ungdomsenkäten 2023");
            x.setSheetName(0, "Resultat");
            x.write(out);
        }
        Files.delete(tmp);
        System.out.println("Skrev variantfiler i " + dir.toAbsolutePath());
    }
}
