package se.halsolage.workbook;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Raw Kolada responses, kept in the workbook ({@code kolada_responses}) so a report can always name
 * and show what Kolada answered, also offline. One row per request URL; a re-fetch replaces it.
 */
public final class KoladaCacheRepository {
    /** One stored response. */
    public record CachedResponse(String url, Instant fetchedAt, String body) {
    }

    private final Workbook wb;

    KoladaCacheRepository(Workbook wb) {
        this.wb = wb;
    }

    /** Stores (or replaces) the response for a URL. Must run inside a transaction. */
    public void put(String url, Instant fetchedAt, String body) {
        wb.requireTransaction();
        wb.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO kolada_responses(url, fetched_at, body) "
                    + "VALUES (?,?,?) ON CONFLICT(url) DO UPDATE SET fetched_at=excluded.fetched_at, body=excluded.body")) {
                ps.setString(1, url);
                ps.setString(2, fetchedAt.toString());
                ps.setString(3, body);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public Optional<CachedResponse> get(String url) {
        return wb.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT url, fetched_at, body FROM kolada_responses WHERE url=?")) {
                ps.setString(1, url);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new CachedResponse(rs.getString(1), Instant.parse(rs.getString(2)),
                            rs.getString(3))) : Optional.<CachedResponse>empty();
                }
            }
        });
    }

    /** All stored URLs, oldest fetch first. */
    public List<String> urls() {
        return wb.withConnection(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT url FROM kolada_responses ORDER BY fetched_at, url");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        });
    }

    public long count() {
        return wb.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM kolada_responses");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
