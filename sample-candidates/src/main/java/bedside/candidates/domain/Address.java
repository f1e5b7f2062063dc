package bedside.candidates.domain;

/** A postal address. */
public record Address(String line, String city, String postcode) {
    public String text() {
        return String.join(", ", java.util.stream.Stream.of(line, city, postcode)
                .filter(s -> s != null && !s.isBlank()).toList());
    }
}
