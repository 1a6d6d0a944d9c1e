package se.halsolage.kolada;

import se.halsolage.domain.UserError;

/**
 * A fetch from Kolada that could not be completed. The message is Swedish and always says that the
 * workbook was left unchanged (a fetch writes nothing until every response has arrived).
 */
public final class KoladaException extends UserError {
    public static final String UNCHANGED = " Inget i arbetsboken har ändrats.";

    /** What went wrong. */
    public enum Kind { OFFLINE, TIMEOUT, HTTP_ERROR, SERVER_ERROR, RATE_LIMITED, MALFORMED, CANCELLED, UNKNOWN_KPI }

    private final Kind kind;
    private final int status;

    public KoladaException(Kind kind, int status, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when there was no answer. */
    public int status() {
        return status;
    }

    static KoladaException offline(String host, Throwable cause) {
        return new KoladaException(Kind.OFFLINE, 0, "Kan inte nå Kolada (" + host + "). Datorn verkar sakna "
                + "internetanslutning, eller så är Kolada inte tillgängligt just nu. Kontrollera anslutningen och "
                + "försök igen." + UNCHANGED, cause);
    }

    static KoladaException timeout(String url, long seconds, Throwable cause) {
        return new KoladaException(Kind.TIMEOUT, 0, "Kolada svarade inte inom " + seconds + " sekunder (" + url
                + "). Försök igen senare." + UNCHANGED, cause);
    }

    static KoladaException http(int status, String url, String detail) {
        if (status == 422) {
            return new KoladaException(Kind.HTTP_ERROR, status, "Kolada tog inte emot frågan (422): den är för stor. Kolada "
                    + "tar högst 25 id per del av adressen (nyckeltal, områden, år) och högst 5000 värden per sida"
                    + (detail == null || detail.isBlank() ? "" : " (Kolada skrev: " + detail + ")") + ". Frågan var " + url
                    + "." + UNCHANGED, null);
        }
        return new KoladaException(Kind.HTTP_ERROR, status, "Kolada svarade med fel " + status + " på frågan " + url
                + (detail == null || detail.isBlank() ? "" : " (" + detail + ")") + ". Kontrollera nyckeltal, "
                + "områden och år." + UNCHANGED, null);
    }

    static KoladaException server(int status, String url, int attempts) {
        return new KoladaException(Kind.SERVER_ERROR, status, "Kolada har ett serverfel (" + status + ") och svarade "
                + "inte rätt efter " + attempts + " försök (" + url + "). Försök igen senare." + UNCHANGED, null);
    }

    static KoladaException rateLimited(String url, int attempts) {
        return new KoladaException(Kind.RATE_LIMITED, 429, "Kolada ber oss vänta (för många anrop, 429) och svarade "
                + "inte efter " + attempts + " försök (" + url + "). Försök igen om en stund." + UNCHANGED, null);
    }

    static KoladaException malformed(String url, String detail, Throwable cause) {
        return new KoladaException(Kind.MALFORMED, 200, "Kolada skickade ett svar som inte går att läsa (" + detail
                + ") på frågan " + url + ". Försök igen senare." + UNCHANGED, cause);
    }

    static KoladaException redirected(int status, String url, String location, String base) {
        return new KoladaException(Kind.HTTP_ERROR, status, "Kolada-servern svarade med en omdirigering (" + status + ")"
                + (location == null ? "" : " till " + location) + " på frågan " + url + ". Hälsoläge följer inte "
                + "omdirigeringar, så att inget hämtas från någon annan server än den inställda (" + base + "). "
                + "Kontrollera adressen till Kolada (--base-url)." + UNCHANGED, null);
    }

    static KoladaException foreignNextUrl(String url, String next, String base) {
        return new KoladaException(Kind.MALFORMED, 200, "Svaret på frågan " + url + " pekar vidare (next_url) till \""
                + next + "\", som inte ligger på den inställda servern (" + base + "). Hälsoläge hämtar bara från den "
                + "inställda servern (samma protokoll, värd och port), så hämtningen avbröts." + UNCHANGED, null);
    }

    static KoladaException foreignUrl(String url, String base) {
        return new KoladaException(Kind.MALFORMED, 0, "Adressen " + url + " ligger inte på den inställda Kolada-servern ("
                + base + "); Hälsoläge hämtar bara därifrån." + UNCHANGED, null);
    }

    static KoladaException badBaseUrl(String url) {
        return new KoladaException(Kind.MALFORMED, 0, "Adressen till Kolada, \"" + url + "\", är ingen http- eller "
                + "https-adress med ett servernamn (t.ex. https://api.kolada.se/v3)." + UNCHANGED, null);
    }

    static KoladaException tooLarge(String url, long bytes, long cap) {
        return new KoladaException(Kind.MALFORMED, 200, "Svaret på frågan " + url + " är för stort (" + mb(bytes)
                + (bytes > cap ? "" : " eller mer") + "; högst " + mb(cap) + " tas emot), så hämtningen avbröts innan "
                + "minnet tog slut. Kolada skickar aldrig så stora sidor; kontrollera adressen till Kolada." + UNCHANGED, null);
    }

    private static String mb(long bytes) {
        return bytes >= 1L << 30 ? String.format(java.util.Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30)).replace('.', ',')
                : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20)).replace('.', ',');
    }

    static KoladaException cancelled() {
        return new KoladaException(Kind.CANCELLED, 0, "Hämtningen från Kolada avbröts." + UNCHANGED, null);
    }
}
