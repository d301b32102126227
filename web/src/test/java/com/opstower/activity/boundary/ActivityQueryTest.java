package com.opstower.activity.boundary;

import static com.opstower.api.InputProblems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.opstower.activity.control.ActivityLog;
import com.opstower.activity.entity.ActivityEntry;
import com.opstower.problem.ProblemCode;
import com.opstower.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The query parameters of GET /api/v1/activity (docs/api.md "Activity"). */
class ActivityQueryTest {

  private final List<Object[]> asked = new ArrayList<>();

  private final ActivityResource resource = new ActivityResource();

  {
    resource.log =
        new ActivityLog() {
          @Override
          public List<ActivityEntry> latest(String agentId, String connectionId, int limit) {
            asked.add(new Object[] {agentId, connectionId, limit});
            return List.of();
          }
        };
  }

  private Object[] ask(String agentId, String connectionId, String limit) {
    resource.list(agentId, connectionId, limit);
    assertEquals(1, asked.size());
    return asked.get(0);
  }

  @ParameterizedTest(name = "[{index}] limit=\"{0}\"")
  @CsvSource(
      value = {"'', 50", "' ', 50", "1, 1", "50, 50", "1000, 1000", "' 7 ', 7", "007, 7"},
      nullValues = "NULL")
  void aLimitFromOneToAThousandIsTaken(String limit, int taken) {
    assertEquals(taken, ask(null, null, limit)[2]);
  }

  @Test
  void withoutLimitFiftyAreListed() {
    assertEquals(50, ask(null, null, null)[2]);
  }

  @ParameterizedTest(name = "[{index}] limit=\"{0}\"")
  @ValueSource(
      strings = {"0", "-1", "1001", "99999999999", "abc", "1.5", "1e2", "10 0", "0x10", "∞"})
  void anyOtherLimitIsAnInvalidRequestNamingIt(String limit) {
    ProblemException refused =
        assertProblem(ProblemCode.INVALID_REQUEST, () -> ask(null, null, limit));
    assertEquals("'limit' must be a whole number from 1 to 1000.", refused.detail());
    assertEquals(0, asked.size(), "nothing was read");
  }

  @Test
  void blankFiltersAreNoFiltersAndOthersAreExact() {
    Object[] blank = ask(" ", "", "5");
    assertNull(blank[0]);
    assertNull(blank[1]);
    asked.clear();
    Object[] exact = ask(" a1", "C-2 ", "5");
    assertEquals(" a1", exact[0]);
    assertEquals("C-2 ", exact[1]);
  }
}
