package com.opstower.api;

import com.opstower.activity.boundary.ActivityResource;
import com.opstower.agent.boundary.AgentsResource;
import com.opstower.connection.boundary.ConnectionsResource;
import com.opstower.crypto.boundary.CryptoResource;
import com.opstower.execution.boundary.AgentRuntimeResource;
import com.opstower.mcp.boundary.McpResource;
import com.opstower.token.boundary.TokensResource;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The JSON API used by the agent engine and automation: everything under {@code /api/v1}. */
@ApplicationPath("api/v1")
@OpenAPIDefinition(
    info =
        @Info(
            title = "OpsTower Connections API",
            version = "1",
            description =
                "Manage connections to external REST APIs, agents and tokens, and execute agent"
                    + " requests through connections."),
    security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
public class ApiApplication extends Application {

  /**
   * Listed explicitly: the web UI is a second JAX-RS application in the same WAR, and scanning
   * would mount each application's resources in the other.
   */
  @Override
  public Set<Class<?>> getClasses() {
    Set<Class<?>> classes =
        new HashSet<>(
            Set.of(
                BearerAuthentication.class,
                ScopeCheck.class,
                JsonbResolver.class,
                ProblemMappers.ForProblems.class,
                ProblemMappers.ForJson.class,
                ProblemMappers.ForJsonb.class,
                ProblemMappers.ForOptimisticLock.class,
                ProblemMappers.ForWebApplication.class,
                ProblemMappers.ForEverythingElse.class,
                ConnectionsResource.class,
                AgentsResource.class,
                TokensResource.class,
                CryptoResource.class,
                ActivityResource.class,
                AgentRuntimeResource.class,
                McpResource.class));
    krazoViewFilter().ifPresent(classes::add);
    return classes;
  }

  /**
   * Krazo (bundled in Payara) sets itself up in every JAX-RS application of the WAR unless its
   * {@code ViewResponseFilter} is already registered, and its per-request filters then run a
   * ServiceLoader lookup (opening jar files) on every API call. Registering that one filter, which
   * does nothing for resources that are not MVC controllers, keeps the rest of Krazo out of the
   * API. On a server without Krazo there is nothing to keep out.
   */
  private static Optional<Class<?>> krazoViewFilter() {
    try {
      return Optional.of(
          Class.forName(
              "org.eclipse.krazo.core.ViewResponseFilter",
              false,
              ApiApplication.class.getClassLoader()));
    } catch (ClassNotFoundException | LinkageError absent) {
      return Optional.empty();
    }
  }
}
