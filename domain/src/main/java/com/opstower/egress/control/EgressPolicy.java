package com.opstower.egress.control;

import com.opstower.config.Settings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether OpsTower may connect to an address (docs/security.md §4). Immutable and
 * thread-safe.
 *
 * <p>Precedence, first match wins:
 *
 * <ol>
 *   <li>IPv6 transition forms (IPv4-mapped, -compatible, -translated, NAT64, 6to4, Teredo) are
 *       judged by the IPv4 inside them, after the IPv6 form itself passed steps 2 and 3.
 *   <li>Always-blocked ranges ({@link AddressRanges#ALWAYS_BLOCKED}: metadata, link-local,
 *       unspecified, multicast, broadcast, reserved) are refused; nothing re-opens them.
 *   <li>{@code deny-cidrs} are refused; the operator's explicit "no" beats every "yes".
 *   <li>{@code allow-cidrs} are allowed, even if loopback or private with those settings off.
 *   <li>Loopback follows {@code allow-loopback}; private ranges follow {@code allow-private}.
 *   <li>Everything else (public unicast) is allowed.
 * </ol>
 */
public final class EgressPolicy {

  /** The outcome for one address; {@code reason} is a short phrase for logs and problem details. */
  public record Verdict(boolean allowed, String reason) {

    static Verdict allow(String reason) {
      return new Verdict(true, reason);
    }

    static Verdict refuse(String reason) {
      return new Verdict(false, reason);
    }
  }

  static final String DENIED_BY_CONFIG = "denied by " + Settings.EGRESS_DENY_CIDRS;
  static final String LOOPBACK_REFUSED =
      "loopback address (set " + Settings.EGRESS_ALLOW_LOOPBACK + "=true to allow)";
  static final String PRIVATE_REFUSED =
      "private address (" + Settings.EGRESS_ALLOW_PRIVATE + "=false)";

  private final boolean allowPrivate;
  private final boolean allowLoopback;
  private final List<Cidr> allowCidrs;
  private final List<Cidr> denyCidrs;
  private final HostLookup lookup;

  /**
   * @param allowCidrs extra blocks to allow; {@code null} and blank entries are ignored
   * @param denyCidrs extra blocks to refuse; {@code null} and blank entries are ignored
   * @throws IllegalArgumentException naming the first entry that is not a valid CIDR
   */
  public EgressPolicy(
      boolean allowPrivate,
      boolean allowLoopback,
      List<String> allowCidrs,
      List<String> denyCidrs) {
    this(allowPrivate, allowLoopback, allowCidrs, denyCidrs, HostLookup.SYSTEM);
  }

  /** As above, with the name lookup replaced (tests simulate DNS answers through it). */
  public EgressPolicy(
      boolean allowPrivate,
      boolean allowLoopback,
      List<String> allowCidrs,
      List<String> denyCidrs,
      HostLookup lookup) {
    this.allowPrivate = allowPrivate;
    this.allowLoopback = allowLoopback;
    this.allowCidrs = parseAll(allowCidrs);
    this.denyCidrs = parseAll(denyCidrs);
    this.lookup = Objects.requireNonNull(lookup, "lookup");
  }

  /** Judges one address by the precedence in the class comment. */
  public Verdict check(InetAddress address) {
    byte[] raw = Objects.requireNonNull(address, "address").getAddress();
    Optional<Ipv4Embedding> embedding = Ipv4Embedding.of(raw);
    if (embedding.isEmpty()) {
      return judge(raw);
    }
    Optional<String> refusal = refusalWhateverTheSettings(raw);
    if (refusal.isPresent()) {
      return Verdict.refuse(refusal.get());
    }
    return judgeEmbedded(embedding.get());
  }

  /**
   * Resolves {@code host} once and returns its addresses only if every one of them is allowed. One
   * bad address refuses the whole answer: a rebinding server lists a public address next to a
   * private one and the client may pick either.
   *
   * @param host a name or address literal; an IPv6 literal may keep its {@code [ ]}
   * @throws DestinationBlockedException if any resolved address is refused
   * @throws UnknownHostException if resolution fails or yields nothing (fail closed)
   */
  public InetAddress[] resolve(String host) throws UnknownHostException {
    String name = LookupName.of(host);
    InetAddress[] answer = lookup.lookup(name);
    if (answer == null || answer.length == 0) {
      throw new UnknownHostException(name + ": no addresses");
    }
    InetAddress[] addresses = answer.clone();
    for (InetAddress address : addresses) {
      if (address == null) {
        throw new UnknownHostException(name + ": incomplete answer");
      }
      Verdict verdict = check(address);
      if (!verdict.allowed()) {
        throw new DestinationBlockedException(host, address, verdict.reason());
      }
    }
    return addresses;
  }

  public boolean allowsPrivate() {
    return allowPrivate;
  }

  public boolean allowsLoopback() {
    return allowLoopback;
  }

  @Override
  public String toString() {
    return "EgressPolicy[allowPrivate="
        + allowPrivate
        + ", allowLoopback="
        + allowLoopback
        + ", allowCidrs="
        + allowCidrs
        + ", denyCidrs="
        + denyCidrs
        + "]";
  }

  private Verdict judge(byte[] address) {
    Optional<String> refusal = refusalWhateverTheSettings(address);
    if (refusal.isPresent()) {
      return Verdict.refuse(refusal.get());
    }
    if (AddressRanges.anyContains(allowCidrs, address)) {
      return Verdict.allow("allowed by " + Settings.EGRESS_ALLOW_CIDRS);
    }
    if (AddressRanges.isLoopback(address)) {
      return allowLoopback
          ? Verdict.allow("loopback address (" + Settings.EGRESS_ALLOW_LOOPBACK + "=true)")
          : Verdict.refuse(LOOPBACK_REFUSED);
    }
    if (AddressRanges.isPrivate(address)) {
      return allowPrivate
          ? Verdict.allow("private address (" + Settings.EGRESS_ALLOW_PRIVATE + "=true)")
          : Verdict.refuse(PRIVATE_REFUSED);
    }
    return Verdict.allow("public address");
  }

  /** Steps 2 and 3: always-blocked ranges, then the operator's deny list. */
  private Optional<String> refusalWhateverTheSettings(byte[] address) {
    Optional<String> alwaysBlocked = AddressRanges.alwaysBlockedReason(address);
    if (alwaysBlocked.isPresent()) {
      return alwaysBlocked;
    }
    return AddressRanges.anyContains(denyCidrs, address)
        ? Optional.of(DENIED_BY_CONFIG)
        : Optional.empty();
  }

  private Verdict judgeEmbedded(Ipv4Embedding embedding) {
    if (embedding.ipv4().isEmpty()) {
      return Verdict.refuse(
          embedding.form() + " address whose embedded IPv4 address cannot be determined");
    }
    Verdict first = null;
    for (byte[] ipv4 : embedding.ipv4()) {
      Verdict verdict = judge(ipv4);
      String where = AddressText.of(ipv4) + " embedded in " + embedding.form() + " form";
      if (!verdict.allowed()) {
        return Verdict.refuse(verdict.reason() + "; " + where);
      }
      if (first == null) {
        first = Verdict.allow(verdict.reason() + "; " + where);
      }
    }
    return first;
  }

  private static List<Cidr> parseAll(List<String> texts) {
    if (texts == null) {
      return List.of();
    }
    return texts.stream()
        .filter(t -> t != null && !t.isBlank())
        .map(t -> Cidr.parse(t).asIpv4IfMapped())
        .toList();
  }
}
