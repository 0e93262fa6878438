package dev.snowpulse.schema;

import dev.snowpulse.validation.Checks;

/** A reset of the demo data: orders and payments emptied, every product restocked to {@code unitsPerProduct}. */
public record Restock(int unitsPerProduct) {

    /** The key of {@link dev.snowpulse.validation.FieldError#field()} for the units. */
    public static final String UNITS = "units per product";

    public static final int MAX_UNITS = 1_000_000_000;

    public Restock {
        Checks.range(UNITS, unitsPerProduct, 0, MAX_UNITS);
    }

    /** The units as a form's field holds them, digit groups allowed. */
    public static Restock typed(String text) {
        return new Restock(Checks.wholeNumber(UNITS, UNITS, text));
    }
}
