package org.concurrencyharness;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * This exercise races on purpose (a teaching example, or a test of the detector): finding a
 * data race is its expected outcome and does not fail the build; finding none does.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ExpectRace {}
