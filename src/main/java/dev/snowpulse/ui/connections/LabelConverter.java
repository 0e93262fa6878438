package dev.snowpulse.ui.connections;

import javafx.util.StringConverter;

import java.util.function.Function;

/** Shows enum values by a label; choice boxes never need the reverse. */
final class LabelConverter<T> extends StringConverter<T> {

    private final Function<T, String> label;

    LabelConverter(Function<T, String> label) {
        this.label = label;
    }

    @Override
    public String toString(T value) {
        return value == null ? "" : label.apply(value);
    }

    @Override
    public T fromString(String text) {
        throw new UnsupportedOperationException("choice boxes are not editable");
    }
}
