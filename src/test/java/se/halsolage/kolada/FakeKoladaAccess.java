package se.halsolage.kolada;

/** Lets tests in other packages start the package-private {@link FakeKolada}. */
public final class FakeKoladaAccess implements AutoCloseable {
    private final FakeKolada fake;

    /** With Kolada's real rows and catalogue from ../shared/data/kolada/ (skips the test without them). */
    public FakeKoladaAccess() throws java.io.IOException {
        this(true);
    }

    /** {@code sharedData} false: serves only what the test adds (needs no shared files). */
    public FakeKoladaAccess(boolean sharedData) throws java.io.IOException {
        fake = new FakeKolada(sharedData);
    }

    public String baseUrl() {
        return fake.baseUrl();
    }

    /**
     * Serves made-up values (total, women, men; deterministic) for {@code kpi} in each area and year, so a
     * test can make a fetch as large as it needs.
     */
    public void addGenerated(String kpi, java.util.List<String> areas, int fromYear, int toYear) {
        fake.addKpiIfMissing(kpi);
        for (String a : areas) {
            for (int y = fromYear; y <= toYear; y++) {
                double base = (kpi.hashCode() % 97 + Integer.parseInt(a) % 89 + y % 31) / 3.0;
                fake.put(kpi, a, String.valueOf(y), new FakeKolada.Val("T", base, "", false));
                fake.put(kpi, a, String.valueOf(y), new FakeKolada.Val("K", base + 1.5, "", false));
                fake.put(kpi, a, String.valueOf(y), new FakeKolada.Val("M", base - 1.5, "", false));
            }
        }
    }

    /** Also serves ../shared/fixtures/real/kolada_values_raw_2024-12-12.csv (real statuses; skips without it). */
    public void loadRealValues() throws java.io.IOException {
        fake.loadRealValues();
    }

    /** Serves one value (a test's own, CRAFTED figure): value null with a status such as "Privacy". */
    public void put(String kpi, String area, String period, String gender, Double value, String status) {
        fake.put(kpi, area, period, new FakeKolada.Val(gender, value, status, false));
    }

    /** Revises one value today, as Kolada does (what from_date then finds). */
    public void change(String kpi, String area, String period, String gender, Double value, String status) {
        fake.change(kpi, area, period, new FakeKolada.Val(gender, value, status, false));
    }

    /** Answers the next requests whose URI contains {@code uriPart} with {@code status} and {@code body}. */
    public void fault(String uriPart, int times, int status, String body) {
        for (int i = 0; i < times; i++) fake.fault(u -> u.contains(uriPart), status, body, java.util.Map.of());
    }

    /** Every request URI the stand-in got, in order. */
    public java.util.List<String> requests() {
        synchronized (fake.requests) {
            return java.util.List.copyOf(fake.requests);
        }
    }

    @Override
    public void close() {
        fake.close();
    }
}
