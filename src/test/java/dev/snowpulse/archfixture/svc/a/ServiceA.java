package dev.snowpulse.archfixture.svc.a;

/** Half of a cycle between two sub-packages of one service. */
public final class ServiceA {
    dev.snowpulse.archfixture.svc.b.ServiceB b;
}
