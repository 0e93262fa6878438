package dev.snowpulse.archfixture.ui.other;

import dev.snowpulse.archfixture.ui.one.OneTab;

/** Reaches back: with OneTab, a cycle between tabs. */
public final class OtherTab {
    OneTab back;
}
