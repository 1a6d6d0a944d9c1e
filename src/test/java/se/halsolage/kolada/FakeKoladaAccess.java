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
        for (String a : areas) {
            for (int y = fromYear; y <= toYear; y++) {
                double base = (kpi.hashCode() % 97 + Integer.parseInt(a) % 89 + y % 31) / 3.0;
                fake.put(kpi, a, String.valueOf(y), new FakeKolada.Val("T", base, "", false));
                fake.put(kpi, a, String.valueOf(y), new FakeKolada.Val("K", base + 1.5, "", false));
                fake.put(kpi, a, String.valueOf(y), new FakeKolada.Val("M", base - 1.5, "", false));
            }
        }
    }

    @Override
    public void close() {
        fake.close();
    }
}
