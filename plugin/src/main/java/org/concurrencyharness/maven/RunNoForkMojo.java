package org.concurrencyharness.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * The same as {@code run}, for binding to a build's lifecycle: it does not fork a lifecycle of its
 * own to compile, because the build has already compiled by the phase it is bound to.
 */
@Mojo(
        name = "run-no-fork",
        defaultPhase = LifecyclePhase.INTEGRATION_TEST,
        requiresDependencyResolution = ResolutionScope.TEST,
        threadSafe = true)
public class RunNoForkMojo extends AbstractRunMojo {}
