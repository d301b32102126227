package com.opstower.it.server;

import org.jboss.arquillian.container.spi.ConfigurationException;
import org.jboss.arquillian.container.spi.client.container.ContainerConfiguration;

/** The {@code arquillian.xml} properties of {@link OneServerContainer}. */
public final class OneServerConfiguration implements ContainerConfiguration {

  private String jvmOptions = "-Xmx512m";
  private String settings = "";
  private String dataDir = "target/it-data";
  private String log = "target/it-server/server.log";
  private int startupTimeoutInSeconds = 180;

  @Override
  public void validate() throws ConfigurationException {
    if (startupTimeoutInSeconds < 1) {
      throw new ConfigurationException("startupTimeoutInSeconds must be positive");
    }
  }

  public String getJvmOptions() {
    return jvmOptions;
  }

  /** JVM options, separated by spaces. */
  public void setJvmOptions(String jvmOptions) {
    this.jvmOptions = jvmOptions;
  }

  public String getSettings() {
    return settings;
  }

  /** OpsTower settings as {@code key=value} pairs separated by spaces (become {@code -D}s). */
  public void setSettings(String settings) {
    this.settings = settings;
  }

  public String getDataDir() {
    return dataDir;
  }

  /** {@code opstower.data-dir} of the run; emptied before the server starts. */
  public void setDataDir(String dataDir) {
    this.dataDir = dataDir;
  }

  public String getLog() {
    return log;
  }

  public void setLog(String log) {
    this.log = log;
  }

  public int getStartupTimeoutInSeconds() {
    return startupTimeoutInSeconds;
  }

  public void setStartupTimeoutInSeconds(int startupTimeoutInSeconds) {
    this.startupTimeoutInSeconds = startupTimeoutInSeconds;
  }
}
