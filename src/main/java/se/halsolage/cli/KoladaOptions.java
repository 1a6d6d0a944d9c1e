package se.halsolage.cli;

import picocli.CommandLine.Option;
import se.halsolage.kolada.FetchListener;
import se.halsolage.kolada.KoladaClient;

/** The options every command that talks to Kolada shares: which server, and whether progress is printed. */
final class KoladaOptions {
    @Option(names = "--base-url", paramLabel = "URL", description = "Koladas adress (standard " + KoladaClient.DEFAULT_BASE_URL
            + ", eller systemegenskapen " + KoladaClient.BASE_URL_PROPERTY + ").")
    String baseUrl;

    @Option(names = "--quiet", description = "Skriv inte ut förloppet.")
    boolean quiet;

    KoladaClient client() {
        return KoladaClient.builder().baseUrl(baseUrl).build();
    }

    /** Prints each new progress message on stderr, unless --quiet. */
    FetchListener progress() {
        String[] last = {""};
        return (done, total, msg) -> {
            if (!quiet && !msg.equals(last[0])) {
                System.err.println(msg);
                last[0] = msg;
            }
        };
    }
}
