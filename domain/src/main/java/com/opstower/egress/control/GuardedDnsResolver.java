package com.opstower.egress.control;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The DNS resolver to give Apache HttpClient 5 (connection manager builder {@code setDnsResolver}).
 * HttpClient connects to exactly the addresses returned here, and these are the addresses the
 * policy just checked: there is no second lookup a rebinding DNS server could answer differently. A
 * refused destination surfaces as {@link DestinationBlockedException}.
 *
 * <p>HttpClient skips the resolver only for an {@code HttpHost} built from an {@code InetAddress};
 * build hosts from the URI (name or literal text) so every connect comes through here.
 */
public final class GuardedDnsResolver implements DnsResolver {

  private final EgressPolicy policy;

  public GuardedDnsResolver(EgressPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    return policy.resolve(host);
  }

  /** Used only for Kerberos/SPNEGO; no reverse lookup is needed (or wanted) for that. */
  @Override
  public String resolveCanonicalHostname(String host) {
    return host;
  }
}
