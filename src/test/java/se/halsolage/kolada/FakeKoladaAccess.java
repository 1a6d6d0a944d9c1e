package se.halsolage.kolada;

/** Lets tests in other packages start the package-private {@link FakeKolada}. */
public final class FakeKoladaAccess implements AutoCloseable {
    private final FakeKolada fake;

    public FakeKoladaAccess() throws java.io.IOException {
        fake = new FakeKolada();
    }

    public String baseUrl() {
        return fake.baseUrl();
    }

    @Override
    public void close() {
        fake.close();
    }
}
