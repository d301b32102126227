package com.opstower.openapi;

import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * A JSON or YAML document as a tree of {@code Map<String, Object>}, {@code List<Object>}, {@code
 * String} and {@code null}: scalars stay text, which is all an API catalogue needs ({@code swagger:
 * 2.0} and {@code swagger: "2.0"} read alike).
 *
 * <p>YAML is built from the parser's events, without recursion, under limits that a hostile
 * document cannot get past: at most {@value #MAX_DEPTH} levels of nesting, {@value #MAX_ALIASES}
 * aliases, and {@value #MAX_NODES} values in all, counting each alias as the size of what it stands
 * for (so a "billion laughs" stops at the limit instead of filling the heap). JSON goes through
 * JSON-P under the same depth and size limits.
 */
public final class SpecTree {

  static final int MAX_DEPTH = 100;
  static final int MAX_ALIASES = 1_000;
  static final int MAX_NODES = 1_000_000;

  private SpecTree() {}

  /** Reads JSON, from JSON-P's parser events (no JSON-P tree is built first). */
  public static Object json(String text) {
    try (JsonParser parser = Json.createParser(new StringReader(text))) {
      Deque<Object> stack = new ArrayDeque<>();
      Deque<String> keys = new ArrayDeque<>();
      String key = null;
      long nodes = 0;
      Object root = null;
      while (parser.hasNext()) {
        JsonParser.Event event = parser.next();
        Object value;
        switch (event) {
          case KEY_NAME -> {
            key = parser.getString();
            continue;
          }
          case START_OBJECT, START_ARRAY -> {
            if (++nodes > MAX_NODES) {
              throw tooLarge();
            }
            if (stack.size() + 1 > MAX_DEPTH) {
              throw tooDeep();
            }
            Object collection =
                event == JsonParser.Event.START_OBJECT
                    ? new LinkedHashMap<String, Object>()
                    : new ArrayList<>();
            attach(stack.peek(), key, collection);
            keys.push(key == null ? "" : key);
            key = null;
            stack.push(collection);
            continue;
          }
          case END_OBJECT, END_ARRAY -> {
            Object closed = stack.pop();
            keys.pop();
            if (stack.isEmpty()) {
              root = closed;
            }
            continue;
          }
          case VALUE_STRING, VALUE_NUMBER -> value = parser.getString();
          case VALUE_TRUE -> value = "true";
          case VALUE_FALSE -> value = "false";
          default -> value = null;
        }
        if (++nodes > MAX_NODES) {
          throw tooLarge();
        }
        if (stack.isEmpty()) {
          root = value;
        } else {
          attach(stack.peek(), key, value);
          key = null;
        }
      }
      return root;
    } catch (JsonParsingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNumber()
                  + ", column "
                  + e.getLocation().getColumnNumber();
      throw new SpecException("The document is not valid JSON" + where + ".");
    } catch (jakarta.json.JsonException | java.util.NoSuchElementException e) {
      throw new SpecException("The document is not valid JSON.");
    }
  }

  @SuppressWarnings("unchecked")
  private static void attach(Object parent, String key, Object value) {
    if (parent instanceof Map<?, ?> map) {
      ((Map<String, Object>) map).put(key, value);
    } else if (parent instanceof List<?> list) {
      ((List<Object>) list).add(value);
    }
  }

  /** Reads YAML (1.2; JSON is YAML too). Only the first document of a stream is read. */
  public static Object yaml(String text) {
    LoadSettings settings =
        LoadSettings.builder()
            .setAllowDuplicateKeys(true)
            .setMaxAliasesForCollections(MAX_ALIASES)
            .setAllowRecursiveKeys(false)
            .setCodePointLimit(Integer.MAX_VALUE)
            .setUseMarks(true)
            .build();
    try {
      return new YamlBuilder().build(new Parse(settings).parseString(text));
    } catch (MarkedYamlEngineException e) {
      String where =
          e.getProblemMark()
              .map(
                  mark -> " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1))
              .orElse("");
      String problem = e.getProblem() == null ? "" : ": " + e.getProblem();
      throw new SpecException("The document is not valid YAML" + where + problem + ".");
    } catch (YamlEngineException e) {
      throw new SpecException("The document is not valid YAML.");
    }
  }

  static SpecException tooDeep() {
    return new SpecException(
        "The document nests more than " + MAX_DEPTH + " levels deep; it is not read.");
  }

  static SpecException tooLarge() {
    return new SpecException(
        "The document holds more than "
            + MAX_NODES
            + " values (aliases counted as what they repeat); it is not read.");
  }

  /** Builds the tree from parser events, with an explicit stack. */
  private static final class YamlBuilder {

    /** A value with the number of values it holds, for counting what an alias repeats. */
    private record Sized(Object value, long size) {}

    /** A collection being built: a map waiting for a key or a value, or a list. */
    private static final class Open {
      final Map<String, Object> map;
      final List<Object> list;
      final Optional<Anchor> anchor;
      final long startNodes;
      String pendingKey;
      boolean expectingKey = true;

      Open(Map<String, Object> map, List<Object> list, Optional<Anchor> anchor, long startNodes) {
        this.map = map;
        this.list = list;
        this.anchor = anchor;
        this.startNodes = startNodes;
      }
    }

    private final Deque<Open> stack = new ArrayDeque<>();
    private final Map<Anchor, Sized> anchors = new HashMap<>();
    private long nodes;
    private int aliases;
    private Object root;
    private boolean done;

    Object build(Iterable<Event> events) {
      for (Event event : events) {
        switch (event.getEventId()) {
          case MappingStart -> open(new Open(new LinkedHashMap<>(), null, anchor(event), nodes));
          case SequenceStart -> open(new Open(null, new ArrayList<>(), anchor(event), nodes));
          case MappingEnd, SequenceEnd -> close();
          case Scalar -> scalar((ScalarEvent) event);
          case Alias -> alias((AliasEvent) event);
          case DocumentEnd -> {
            if (root != null || done) {
              return root;
            }
          }
          default -> {
            // stream and document starts, comments
          }
        }
        if (done && stack.isEmpty()) {
          return root;
        }
      }
      return root;
    }

    private static Optional<Anchor> anchor(Event event) {
      return ((NodeEvent) event).getAnchor();
    }

    private void count(long added) {
      nodes += added;
      if (nodes > MAX_NODES) {
        throw tooLarge();
      }
    }

    private void open(Open collection) {
      count(1);
      if (stack.size() + 1 > MAX_DEPTH) {
        throw tooDeep();
      }
      stack.push(collection);
    }

    private void close() {
      Open closed = stack.pop();
      Object value =
          closed.map != null
              ? Collections.unmodifiableMap(closed.map)
              : Collections.unmodifiableList(closed.list);
      closed.anchor.ifPresent(a -> anchors.put(a, new Sized(value, nodes - closed.startNodes)));
      add(value);
    }

    private void scalar(ScalarEvent event) {
      count(1);
      String text = event.getValue();
      Object value = text;
      if (event.isPlain()
          && (text.isEmpty()
              || text.equals("~")
              || text.equals("null")
              || text.equals("Null")
              || text.equals("NULL"))) {
        value = null;
      }
      Object stored = value;
      event.getAnchor().ifPresent(a -> anchors.put(a, new Sized(stored, 1)));
      add(value);
    }

    private void alias(AliasEvent event) {
      if (++aliases > MAX_ALIASES) {
        throw new SpecException(
            "The document uses more than " + MAX_ALIASES + " YAML aliases; it is not read.");
      }
      Sized target = anchors.get(event.getAlias());
      if (target == null) {
        throw new SpecException(
            "The document refers to an undefined YAML anchor '"
                + event.getAlias().getValue()
                + "'.");
      }
      count(target.size());
      add(target.value());
    }

    @SuppressWarnings("unchecked")
    private void add(Object value) {
      Open parent = stack.peek();
      if (parent == null) {
        root = value;
        done = true;
        return;
      }
      if (parent.list != null) {
        parent.list.add(value);
        return;
      }
      if (parent.expectingKey) {
        if (value != null && !(value instanceof String)) {
          throw new SpecException("The document has a mapping key that is not text.");
        }
        parent.pendingKey = value == null ? "" : (String) value;
        parent.expectingKey = false;
        return;
      }
      parent.expectingKey = true;
      if (parent.pendingKey.equals("<<")) {
        // a merge key (YAML 1.1, still common): the merged mapping's entries fill in
        for (Object merged :
            value instanceof List<?> list ? list : List.of(value == null ? Map.of() : value)) {
          if (merged instanceof Map<?, ?> entries) {
            ((Map<String, Object>) (Map<?, ?>) entries)
                .forEach((key, item) -> parent.map.putIfAbsent(key, item));
          }
        }
        return;
      }
      parent.map.put(parent.pendingKey, value);
    }
  }
}
