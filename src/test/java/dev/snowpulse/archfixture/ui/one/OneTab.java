package dev.snowpulse.archfixture.ui.one;

import dev.snowpulse.archfixture.ui.common.Shared;
import dev.snowpulse.archfixture.ui.other.OtherTab;

/** A tab that reaches into another tab: the violation. */
public final class OneTab {
    Shared shared;
    OtherTab other;
}
