package dev.snowpulse.profile;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** The kind-specific half of a profile. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = PostgresSettings.class, name = "postgres"),
        @JsonSubTypes.Type(value = SnowflakeSettings.class, name = "snowflake")
})
public sealed interface ConnectionSettings permits PostgresSettings, SnowflakeSettings {

    ProfileKind kind();

    SecretRef secret();

    /** One line for lists: host and database, or account and warehouse. */
    String summary();
}
