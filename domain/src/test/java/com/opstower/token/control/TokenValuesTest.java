package com.opstower.token.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TokenValuesTest {

  @Test
  void hashesWithSha256AsHex() {
    // FIPS 180-2's test vector for "abc".
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        TokenValues.hash("abc"));
    assertEquals(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", TokenValues.hash(""));
  }

  @Test
  void eachHashStartsFromAFreshDigest() {
    String first = TokenValues.hash("otk_one");
    TokenValues.hash("otk_two");

    assertEquals(first, TokenValues.hash("otk_one"));
    assertNotEquals(first, TokenValues.hash("otk_two"));
  }

  @Test
  void threadsHashingAtOnceGetTheSameAnswers() throws Exception {
    List<String> values = IntStream.range(0, 64).mapToObj(i -> "otk_value_" + i).toList();
    List<String> expected = values.stream().map(TokenValues::hash).toList();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> tasks =
          IntStream.range(0, 8)
              .<Callable<Boolean>>mapToObj(
                  t ->
                      () -> {
                        for (int round = 0; round < 200; round++) {
                          for (int i = 0; i < values.size(); i++) {
                            if (!expected.get(i).equals(TokenValues.hash(values.get(i)))) {
                              return false;
                            }
                          }
                        }
                        return true;
                      })
              .toList();
      for (Future<Boolean> result : pool.invokeAll(tasks)) {
        assertTrue(result.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void generatedValuesCarryThePrefixAndDiffer() {
    String a = TokenValues.generate();
    String b = TokenValues.generate();

    assertTrue(a.startsWith(TokenValues.PREFIX));
    assertEquals(TokenValues.PREFIX.length() + 43, a.length());
    assertNotEquals(a, b);
  }
}
