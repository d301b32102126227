package com.opstower.ui.connection;

import com.opstower.connection.entity.Connection;
import com.opstower.egress.control.DestinationBlockedException;
import com.opstower.egress.control.EgressPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Whether the egress policy would refuse a saved connection's destination, said as a warning rather
 * than a refusal: the policy may be changed later, and DNS may answer differently where the calls
 * run. The lookup waits two seconds at most, so a slow resolver never delays a save for long.
 */
@ApplicationScoped
public class DestinationWarning {

  private static final long WAIT_MILLIS = 2000;

  @Inject EgressPolicy policy;

  public Optional<String> of(Connection connection) {
    String host = connection.baseUrl().host();
    CompletableFuture<Optional<String>> lookup =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                policy.resolve(host);
                return Optional.empty();
              } catch (DestinationBlockedException blocked) {
                return Optional.of(
                    "The egress policy blocks its destination "
                        + host
                        + " ("
                        + blocked.address().getHostAddress()
                        + ": "
                        + blocked.reason()
                        + "), so agents' calls through it will be refused until that setting"
                        + " changes.");
              } catch (Exception unresolved) {
                return Optional.empty(); // Test Connection explains DNS failures
              }
            });
    try {
      return lookup.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (Exception slowOrFailed) {
      lookup.cancel(true);
      return Optional.empty();
    }
  }
}
