package se.halsolage.importer;

/** The file formats the importer reads. */
public enum FileFormat {
    XLSX("Excel-arbetsbok (xlsx)"), XLS("Excel 97–2003 (xls)"), CSV("textfil med avgränsare (csv/txt)"), PX("PC-Axis (px)");

    private final String label;

    FileFormat(String label) { this.label = label; }

    public String label() { return label; }
}
