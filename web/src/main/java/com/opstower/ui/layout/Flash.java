package com.opstower.ui.layout;

import jakarta.inject.Named;
import jakarta.mvc.RedirectScoped;
import java.io.Serializable;

/** A one-line message for the page after a post-redirect-get, e.g. "Connection saved." */
@Named("notice")
@RedirectScoped
public class Flash implements Serializable {

  private static final long serialVersionUID = 1L;

  private String message;
  private boolean error;
  private String warning;

  public void success(String text) {
    this.message = text;
    this.error = false;
  }

  public void error(String text) {
    this.message = text;
    this.error = true;
  }

  /** A second line under a success: done, but something needs attention. Several add up. */
  public void warning(String text) {
    this.warning = warning == null ? text : warning + " " + text;
  }

  public String getWarning() {
    return warning;
  }

  public String getMessage() {
    return message;
  }

  public boolean isError() {
    return error;
  }
}
