package dev.snowpulse.testing;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the fake account on its own, for screenshots and trying the Pipeline and Audit tabs by hand:
 * user {@code alice}, password from SF_FAKE_PASSWORD (default "fake"), the pipeline not yet deployed
 * ({@code --seed-built}: the database as seed 001's own SETUP_SNOWFLAKE.sql left it; {@code --failing-bronze}).
 * Prints the URL to give a profile as its Snowflake host; stops with Ctrl+C.
 */
public final class FakeSnowflakeServer {

    private FakeSnowflakeServer() {
    }

    public static void main(String[] args) throws Exception {
        String password = System.getenv().getOrDefault("SF_FAKE_PASSWORD", "fake");
        FakeSnowflake snowflake = new FakeSnowflake().user("alice", password);
        FakeRetailPipeline pipeline = new FakeRetailPipeline(snowflake);
        java.util.List<String> options = java.util.List.of(args);
        if (options.contains("--failing-bronze")) {
            pipeline.failBronze(true);
        }
        if (options.contains("--seed-built")) {
            pipeline.seedBuilt(Seed001Objects.Version.LATER);
        }
        System.out.println(snowflake.url());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
