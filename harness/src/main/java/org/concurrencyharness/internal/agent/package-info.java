/**
 * The {@code -javaagent} ({@code RaceDetectorAgent}, the harness jar's {@code Premain-Class}): plans each
 * method of the classes a program loads and instruments it with the shaded ASM, so that its field and
 * element accesses, monitors and synchronising calls reach the detector's {@code Hooks}.
 *
 * <p>May use: {@link org.concurrencyharness.internal.race}.
 */
package org.concurrencyharness.internal.agent;
