package dev.snowpulse.kpi;

/** fn_inventory_snapshot: one product's stock. */
public record StockLevel(int productId, String productName, String category, int stock) {

    /** At or below this, a product shows as low on stock: a fifth of the demo's 100 units. */
    public static final int LOW = 20;

    public boolean low() {
        return stock <= LOW;
    }
}
