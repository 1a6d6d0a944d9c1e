package se.halsolage.kolada;

/**
 * The Kolada stand-in the tests use, as a program, so a workbook can be made with the real commands
 * ({@code kolada catalog update}, {@code new --municipality}, {@code kolada fetch --base-url …}) without
 * the internet: it serves Kolada's catalogue from ../shared/data/kolada/ and the 138 910 real values of
 * ../shared/fixtures/real/kolada_values_raw_2024-12-12.csv (as Kolada returned them on 2024-12-12) on
 * 127.0.0.1. Never part of the application: it lives with the tests and reads the shared files in place.
 *
 * <pre>
 * mvn -q -o exec:java -Dexec.classpathScope=test -Dexec.mainClass=se.halsolage.kolada.StandInKolada -Dexec.args=8089
 * </pre>
 * prints {@code http://127.0.0.1:8089/v3} and serves until it is stopped (Ctrl+C or kill).
 */
public final class StandInKolada {
    private StandInKolada() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8089;
        FakeKolada fake = new FakeKolada(true, port);
        fake.loadRealValues();
        System.out.println(fake.baseUrl());
        System.out.flush();
        Thread.currentThread().join();
    }
}
