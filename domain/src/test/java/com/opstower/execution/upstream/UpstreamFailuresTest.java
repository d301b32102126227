package com.opstower.execution.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UpstreamFailuresTest {

  @ParameterizedTest
  @CsvSource({
    "15000, 15 seconds",
    "1000, 1 second",
    "2500, 2.5 seconds",
    "500, 0.5 seconds",
    "60000, 60 seconds",
    "1, 0.001 seconds"
  })
  void timeoutDetailSaysTheConfiguredDeadlineInWords(long millis, String spoken) {
    assertEquals(spoken, UpstreamFailures.spoken(Duration.ofMillis(millis)));
    assertEquals(
        "The API did not answer within " + spoken + ".",
        UpstreamFailures.timeout(Duration.ofMillis(millis)).detail());
  }
}
