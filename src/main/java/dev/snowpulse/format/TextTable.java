package dev.snowpulse.format;

import java.io.PrintWriter;
import java.util.List;

/** Left-aligned columns separated by two spaces, as psql and pgbench users expect. */
public final class TextTable {

    private TextTable() {
    }

    /** The first row is the header, underlined. */
    public static void print(List<String[]> rows, PrintWriter out) {
        int[] widths = widths(rows);
        for (int r = 0; r < rows.size(); r++) {
            out.println(line(rows.get(r), widths));
            if (r == 0) {
                String[] rule = new String[widths.length];
                for (int c = 0; c < widths.length; c++) {
                    rule[c] = "-".repeat(widths[c]);
                }
                out.println(line(rule, widths));
            }
        }
    }

    /** Key-value rows without a header. */
    public static void printPlain(List<String[]> rows, PrintWriter out) {
        int[] widths = widths(rows);
        rows.forEach(row -> out.println(line(row, widths)));
    }

    private static int[] widths(List<String[]> rows) {
        int[] widths = new int[rows.getFirst().length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        return widths;
    }

    private static String line(String[] row, int[] widths) {
        StringBuilder text = new StringBuilder();
        for (int c = 0; c < row.length; c++) {
            text.append(c == row.length - 1 ? row[c] : String.format("%-" + widths[c] + "s  ", row[c]));
        }
        return text.toString().stripTrailing();
    }
}
