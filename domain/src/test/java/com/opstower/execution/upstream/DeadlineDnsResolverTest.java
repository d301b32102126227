package com.opstower.execution.upstream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.client5.http.DnsResolver;
import org.junit.jupiter.api.Test;

class DeadlineDnsResolverTest {

  private static final InetAddress[] ANSWER = {InetAddress.getLoopbackAddress()};

  /** Answers after {@code release} is counted down, on whatever thread asked. */
  private static final class SlowResolver implements DnsResolver {
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicReference<String> askedOn = new AtomicReference<>();

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
      askedOn.set(Thread.currentThread().getName());
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return ANSWER;
    }

    @Override
    public String resolveCanonicalHostname(String host) {
      return host;
    }
  }

  private static <T> T within(long deadlineMillis, UpstreamExchange.ThrowingSupplier<T> work)
      throws Exception {
    UpstreamExchange exchange =
        new UpstreamExchange(
            System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(deadlineMillis), null);
    return exchange.runOnThisThread(work);
  }

  @Test
  void aLookupThatOutlivesTheDeadlineIsGivenUpAtTheDeadline() throws Exception {
    SlowResolver slow = new SlowResolver();
    try (DeadlineDnsResolver resolver = new DeadlineDnsResolver(slow, 4)) {
      long started = System.nanoTime();
      AtomicReference<Boolean> pastDeadline = new AtomicReference<>();
      UpstreamExchange exchange =
          new UpstreamExchange(started + TimeUnit.MILLISECONDS.toNanos(300), null);
      UnknownHostException failure =
          assertThrows(
              UnknownHostException.class,
              () ->
                  exchange.runOnThisThread(
                      () -> {
                        try {
                          return resolver.resolve("hangs.example");
                        } finally {
                          pastDeadline.set(exchange.pastDeadline());
                        }
                      }));
      long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      assertTrue(tookMs >= 290 && tookMs < 5_000, "gave up after " + tookMs + " ms");
      assertTrue(pastDeadline.get(), "reported as past the deadline, i.e. a timeout");
      assertTrue(failure.getMessage().contains("hangs.example"));
      assertTrue(slow.askedOn.get().startsWith("opstower-dns-"), slow.askedOn.get());
      slow.release.countDown();
    }
  }

  @Test
  void anAnswerBeforeTheDeadlineIsReturned() throws Exception {
    SlowResolver slow = new SlowResolver();
    slow.release.countDown();
    try (DeadlineDnsResolver resolver = new DeadlineDnsResolver(slow, 4)) {
      assertArrayEquals(ANSWER, within(5_000, () -> resolver.resolve("api.example")));
    }
  }

  @Test
  void theDelegatesRefusalIsPassedOnAsItIs() throws Exception {
    UnknownHostException refused = new UnknownHostException("blocked.example: refused");
    DnsResolver refusing =
        new DnsResolver() {
          @Override
          public InetAddress[] resolve(String host) throws UnknownHostException {
            throw refused;
          }

          @Override
          public String resolveCanonicalHostname(String host) {
            return host;
          }
        };
    try (DeadlineDnsResolver resolver = new DeadlineDnsResolver(refusing, 4)) {
      UnknownHostException thrown =
          assertThrows(
              UnknownHostException.class,
              () -> within(5_000, () -> resolver.resolve("blocked.example")));
      assertSame(refused, thrown);
    }
  }

  @Test
  void addressLiteralsAndCallsOutsideAnExchangeAreResolvedOnTheCallersThread() throws Exception {
    SlowResolver slow = new SlowResolver();
    slow.release.countDown();
    String caller = Thread.currentThread().getName();
    try (DeadlineDnsResolver resolver = new DeadlineDnsResolver(slow, 4)) {
      within(5_000, () -> resolver.resolve("127.0.0.1"));
      assertEquals(caller, slow.askedOn.get());
      within(5_000, () -> resolver.resolve("::1"));
      assertEquals(caller, slow.askedOn.get());
      resolver.resolve("api.example");
      assertEquals(caller, slow.askedOn.get());
    }
  }

  @Test
  void onlyDigitsAndDotsOrAColonMakeALiteral() {
    assertTrue(DeadlineDnsResolver.isAddressLiteral("10.0.0.1"));
    assertTrue(DeadlineDnsResolver.isAddressLiteral("2130706433"));
    assertTrue(DeadlineDnsResolver.isAddressLiteral("[::ffff:127.0.0.1]"));
    assertFalse(DeadlineDnsResolver.isAddressLiteral("10.0.0.1.nip.io"));
    assertFalse(DeadlineDnsResolver.isAddressLiteral("localhost"));
    assertFalse(DeadlineDnsResolver.isAddressLiteral(""));
    assertFalse(DeadlineDnsResolver.isAddressLiteral(null));
  }
}
