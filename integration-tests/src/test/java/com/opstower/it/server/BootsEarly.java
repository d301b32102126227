package com.opstower.it.server;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class that runs a server of its own and wants it started when the run's first test does
 * ({@link EarlyBoots}), so that its boot overlaps the other classes' tests instead of waiting its
 * turn. The class has {@code static void bootEarly()}, which only launches the process (the class
 * waits for readiness when it runs), and {@code static void stop()}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface BootsEarly {}
