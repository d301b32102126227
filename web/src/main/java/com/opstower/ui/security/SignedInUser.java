package com.opstower.ui.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/** The signed-in user for the layout ({@code ${me.name}}); null on the login page. */
@Named("me")
@RequestScoped
public class SignedInUser {

  @Inject HttpServletRequest request;

  public String getName() {
    return SessionLogin.user(request).orElse(null);
  }
}
