package com.opstower.it;

import java.io.File;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The real WAR as built by the app module, deployed unchanged at context root {@code /} on the
 * Payara Micro that Arquillian manages for the whole run.
 */
public abstract class DeployedApp {

  /** The bootstrap token configured in arquillian.xml (a test-only value). */
  public static final String ADMIN_TOKEN = "it-bootstrap-token-3f9c2a7d41e8b605";

  @Deployment(testable = false)
  public static WebArchive war() {
    File war = new File(System.getProperty("opstower.war", "../app/target/opstower.war"));
    return ShrinkWrap.create(WebArchive.class, "ROOT.war")
        .merge(ShrinkWrap.createFromZipFile(WebArchive.class, war));
  }
}
