package dev.snowpulse.archfixture.svc.b;

/** The other half. */
public final class ServiceB {
    dev.snowpulse.archfixture.svc.a.ServiceA a;
}
