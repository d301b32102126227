package com.opstower.it.server;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/** Registers {@link OneServerContainer} with Arquillian (META-INF/services). */
public final class OneServerExtension implements LoadableExtension {

  @Override
  public void register(ExtensionBuilder builder) {
    builder.service(DeployableContainer.class, OneServerContainer.class);
  }
}
