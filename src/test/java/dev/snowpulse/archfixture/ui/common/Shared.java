package dev.snowpulse.archfixture.ui.common;

/** What tabs may share. */
public final class Shared {
}
