package se.halsolage.domain;

/** The eight national målområden of Swedish public-health policy. */
public enum Malomrade {
    M1(1, "Det tidiga livets villkor"),
    M2(2, "Kunskaper, kompetenser och utbildning"),
    M3(3, "Arbete, arbetsförhållanden och arbetsmiljö"),
    M4(4, "Inkomster och försörjningsmöjligheter"),
    M5(5, "Boende och närmiljö"),
    M6(6, "Levnadsvanor"),
    M7(7, "Kontroll, inflytande och delaktighet"),
    M8(8, "En jämlik och hälsofrämjande hälso- och sjukvård");

    private final int number;
    private final String title;

    Malomrade(int number, String title) {
        this.number = number;
        this.title = title;
    }

    public int number() { return number; }
    public String title() { return title; }
    public String label() { return number + " " + title; }

    public static Malomrade of(int number) {
        if (number < 1 || number > 8) throw new IllegalArgumentException("Målområde ska vara 1–8, inte " + number);
        return values()[number - 1];
    }
}
