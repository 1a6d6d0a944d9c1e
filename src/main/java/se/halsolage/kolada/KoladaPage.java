package se.halsolage.kolada;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** One answered request: the exact URL, when it arrived, the raw body and its parsed JSON. */
public record KoladaPage(String url, Instant fetchedAt, String body, JsonNode json) {
}
