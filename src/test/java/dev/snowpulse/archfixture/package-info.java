/** Classes written to break the architecture rules, so that ArchitectureTest can show each rule failing. */
package dev.snowpulse.archfixture;
