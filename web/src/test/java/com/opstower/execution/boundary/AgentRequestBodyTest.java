package com.opstower.execution.boundary;

import static com.opstower.api.InputProblems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * How {@link AgentRuntimeResource} reads the raw body of an agent request before parsing it
 * (docs/api.md "Execute a request", step 3): capped, refused unread when its declared length is too
 * large, decoded as UTF-8; the same for {@link AgentCallFilter}, which reads with it.
 */
class AgentRequestBodyTest {

  private static final long LIMIT = 100;

  private static String readCapped(InputStream body, long declaredLength, long limit) {
    return AgentRuntimeResource.readCapped(body, declaredLength, limit);
  }

  /** A stream of {@code size} bytes that counts what was read from it. */
  private static final class Counting extends InputStream {
    private final long size;
    long read;

    Counting(long size) {
      this.size = size;
    }

    @Override
    public int read() {
      if (read >= size) {
        return -1;
      }
      read++;
      return ' ';
    }
  }

  @Test
  void aBodyUpToTheLimitIsReadWhole() {
    String body = "{\"method\":\"GET\",\"path\":\"/" + "x".repeat(73) + "\"}";
    assertEquals(LIMIT, body.length());
    assertEquals(body, readCapped(stream(body), -1, LIMIT));
    assertEquals(body, readCapped(stream(body), (int) LIMIT, LIMIT));
  }

  @Test
  void aBodyOverTheLimitIsRefusedAfterReadingOneByteMore() {
    Counting huge = new Counting(10 * LIMIT);
    ProblemException refused =
        assertProblem(ProblemCode.BODY_TOO_LARGE, () -> readCapped(huge, -1, LIMIT));
    assertEquals(LIMIT + 1, huge.read, "never buffers more than the limit and one byte");
    assertEquals("The request is larger than this server accepts.", refused.detail());
  }

  @Test
  void aDeclaredLengthOverTheLimitIsRefusedWithoutReading() {
    Counting body = new Counting(LIMIT + 1);
    assertProblem(ProblemCode.BODY_TOO_LARGE, () -> readCapped(body, (int) LIMIT + 1, LIMIT));
    assertEquals(0, body.read);
  }

  /** A Content-Length that lies low does not get a larger body through. */
  @Test
  void aDeclaredLengthBelowTheTruthDoesNotHelp() {
    assertProblem(ProblemCode.BODY_TOO_LARGE, () -> readCapped(new Counting(LIMIT + 1), 5, LIMIT));
  }

  /** A body longer than announced is read on, still under the limit. */
  @Test
  void aDeclaredLengthBelowTheTruthReadsOnUnderTheLimit() {
    String body = "{\"method\":\"GET\",\"path\":\"/x\"}";
    assertEquals(body, readCapped(stream(body), 5, LIMIT));
  }

  /**
   * A large announced length is not trusted to size a buffer (an agent could announce megabytes and
   * send nothing): the body is read as it comes, and the length of the limit may exceed what one
   * array holds without the cast going wrong.
   */
  @Test
  void aLargeDeclaredLengthIsReadAsItComes() {
    String body = "{\"method\":\"GET\",\"path\":\"/x\"}";
    long announced = AgentRuntimeResource.PRESIZED_AT_MOST + 1L;
    assertEquals(body, readCapped(stream(body), announced, 10L * announced));
    assertEquals(body, readCapped(stream(body), 3_000_000_000L, 4_000_000_000L));
  }

  @Test
  void noBodyIsAnEmptyBodyWhichTheInputThenRefuses() {
    assertEquals("", readCapped(null, -1, LIMIT));
    assertProblem(ProblemCode.INVALID_REQUEST, () -> AgentCallInput.read(""));
  }

  @Test
  void theBodyIsUtf8WhateverItsContentType() {
    byte[] utf8 = "{\"path\":\"/é中😀\"}".getBytes(StandardCharsets.UTF_8);
    assertEquals("{\"path\":\"/é中😀\"}", readCapped(new ByteArrayInputStream(utf8), -1, LIMIT));
    byte[] latin1 = {'"', (byte) 0xE9, '"'};
    assertEquals("\"\uFFFD\"", readCapped(new ByteArrayInputStream(latin1), -1, LIMIT));
  }

  @Test
  void theLimitCountsBytesNotCharacters() {
    String twoByteChars = "é".repeat((int) LIMIT / 2);
    assertEquals(twoByteChars, readCapped(stream(twoByteChars), -1, LIMIT));
    assertProblem(
        ProblemCode.BODY_TOO_LARGE, () -> readCapped(stream(twoByteChars + "é"), -1, LIMIT));
  }

  @Test
  void aBrokenStreamIsAnInvalidRequest() {
    InputStream broken =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("connection reset by peer");
          }
        };
    ProblemException refused =
        assertProblem(ProblemCode.INVALID_REQUEST, () -> readCapped(broken, -1, LIMIT));
    assertEquals("The request body could not be read.", refused.detail());
    assertTrue(refused.errors().isEmpty());
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
