package dev.portcullis.oauth.runtime.operations;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A Prometheus text scrape, read as "series → value" ({@code name{labels}} as written). */
final class Scrape {

    private final String text;
    private final Map<String, Double> series = new HashMap<>();

    Scrape(String text) {
        this.text = text;
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int end = line.lastIndexOf('}');
            int split = end >= 0 ? end + 1 : line.indexOf(' ');
            String value = line.substring(split).strip().split(" ")[0];
            series.put(line.substring(0, split), Double.parseDouble(value));
        }
    }

    /** The value of {@code seriesName}, e.g. {@code foo_total{a="b"}}; 0 when absent. */
    double value(String seriesName) {
        return series.getOrDefault(seriesName, 0.0);
    }

    /** Whether a series with this exact name and labels exists. */
    boolean has(String seriesName) {
        return series.containsKey(seriesName);
    }

    /** A series whose name and labels start with {@code prefix}. */
    Optional<String> find(String prefix) {
        return series.keySet().stream().filter(s -> s.startsWith(prefix)).sorted().findFirst();
    }

    /** The raw text. */
    String text() {
        return text;
    }
}
